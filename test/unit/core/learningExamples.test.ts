import * as assert from 'node:assert/strict';
import { labelSentence, reviewedSentences } from '../../../src/core/learning/examples';
import { sentencesAround, sentencesOf } from '../../../src/core/learning/sentenceTokens';

const NATIVE = ['LOC', 'MISC', 'ORG', 'PERS'];
const TEXT = 'وصل الرئيس دونالد ترامب إلى بغداد. وقال مسؤول في وزارة الخارجية إن الزيارة مهمة.\nسطر ثان عن واشنطن';
const span = (text: string, type: string) => {
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length, type };
};

describe('what the annotator teaches the tagger', () => {
  it('cuts the text into sentences of tokens with offsets', () => {
    const sentences = sentencesOf(TEXT);
    assert.equal(sentences.length, 3);
    assert.deepEqual(sentences[0].texts, ['وصل', 'الرئيس', 'دونالد', 'ترامب', 'إلى', 'بغداد', '.']);
    for (const s of sentences) for (const t of s.tokens) assert.equal(TEXT.slice(t.start, t.end), t.text);
  });

  it('tokenizes only the lines that hold the spans', () => {
    const around = sentencesAround(TEXT, [span('واشنطن', 'GPE')]);
    assert.deepEqual(around.map((s) => s.texts.join(' ')), ['سطر ثان عن واشنطن']);
    assert.equal(TEXT.slice(around[0].tokens[3].start, around[0].tokens[3].end), 'واشنطن');
  });

  it('labels accepted annotations in the native types, whole tokens, B then I', () => {
    const [first, second] = sentencesOf(TEXT);
    const labelled = labelSentence(first, [span('دونالد ترامب', 'PER'), span('بغداد', 'GPE')], NATIVE);
    assert.deepEqual(labelled.labels, ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O']);
    const org = { ...span('وزارة الخارجية', 'ORG') };
    const date = span('مهمة', 'DATE');
    assert.deepEqual(labelSentence(second, [org, date], NATIVE).labels, ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O', 'O']);
  });

  it('teaches only touched sentences with no suggestion left to review', () => {
    const sentences = sentencesOf(TEXT);
    const touched = [span('دونالد ترامب', 'PER')];
    assert.equal(reviewedSentences(sentences, touched, [span('بغداد', 'GPE')]).length, 0);
    const taught = reviewedSentences(sentences, touched, [span('واشنطن', 'GPE')]);
    assert.deepEqual(taught.map((s) => s.texts[0]), ['وصل']);
  });
});
