// The second pass's document context, updated as the document changes: it must read exactly as a
// context built afresh from the same sentences, and the lexicon under it must forget what is removed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LabelSet } from '../../../src/core/tagger/labels';
import { Lexicon } from '../../../src/core/tagger/lexicon';
import { Random } from '../../../src/core/tagger/random';
import { DEFAULT_MODEL_FILE, loadModel } from '../../../src/core/tagger';
import { splitSentences, tokenize } from '../../../src/core/text';
import { REPO_ROOT } from '../suggest/helpers';

const labels = LabelSet.fromLabels(['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS']);

function contents(lex: Lexicon): unknown {
  return {
    words: [...lex.words].map(([s, e]) => [s, [...e.counts]]).sort(),
    phrases: lex.phraseEntries.map((p) => [p.stems.join(' '), [...p.entry.counts]]).sort(),
  };
}

describe('document context', () => {
  it('a lexicon forgets a removed sentence: words and names, as if never added', () => {
    const a: [string[], string[]] = [['زار', 'مصطفى', 'الكاظمي', 'بغداد'], ['O', 'B-PERS', 'I-PERS', 'B-LOC']];
    const b: [string[], string[]] = [['التقى', 'الكاظمي', 'الأمم', 'المتحدة'], ['O', 'B-PERS', 'B-ORG', 'I-ORG']];
    const lex = new Lexicon(labels.types.length);
    lex.add(...a, labels);
    lex.add(...b, labels);
    lex.add(...a, labels);
    lex.remove(...a, labels);
    lex.remove(...a, labels);
    const only = new Lexicon(labels.types.length);
    only.add(...b, labels);
    assert.deepEqual(contents(lex), contents(only));
    assert.equal(lex.words.has('مصطفى'), false);
    assert.deepEqual(lex.phraseMatches(['مصطفى', 'الكاظمي']), [undefined, undefined]);
    assert.deepEqual(lex.phraseMatches(['الأمم', 'المتحدة']), only.phraseMatches(['الأمم', 'المتحدة']));
  });

  it('a name that goes changes the features of the sentences it matched in, even when its words stay as they were', function () {
    this.timeout(10000);
    const file = path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE);
    const model = loadModel(file);
    const fresh = loadModel(file);
    const named = { tokens: ['التقى', 'مصطفى', 'الكاظمي'], labels: ['O', 'B-PERS', 'I-PERS'] };
    const reader = { tokens: ['قال', 'مصطفى', 'الكاظمي', 'اليوم'], labels: ['O', 'B-PERS', 'B-PERS', 'O'] };
    // Both words seen often alone: one sentence fewer leaves their counts' classes as they were.
    const alone = Array.from({ length: 12 }, (_, i) => ({ tokens: [i % 2 ? 'مصطفى' : 'الكاظمي'], labels: ['B-PERS'] }));
    const before = model.documentContext([named, ...alone, reader]);
    const keyBefore = model.contextKey(reader.tokens, before);
    const after = model.documentContext([...alone, reader], before);
    const expected = fresh.contextKey(reader.tokens, fresh.documentContext([...alone, reader]));
    assert.notEqual(expected, keyBefore, 'the name no longer matches');
    assert.equal(model.contextKey(reader.tokens, after), expected);
  });

  it('updated through random edits, reads exactly as one built afresh', function () {
    this.timeout(30000);
    const file = path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE);
    // Two copies: the fresh contexts must not share the updated one's caches.
    const model = loadModel(file);
    const fresh = loadModel(file);
    const text = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'kadhimi-washington.txt'), 'utf8');
    const pool = splitSentences(text, tokenize(text)).map((s) => s.tokens.map((t) => t.text));
    const sentence = (tokens: string[]) => ({ tokens, labels: model.firstPass(tokens) });
    let doc = pool.slice(0, 30).map(sentence);
    let context = model.documentContext(doc);
    const random = new Random(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random.next() * xs.length)];
    for (let step = 0; step < 25; step++) {
      const at = Math.floor(random.next() * doc.length);
      const edit = step % 5;
      if (edit === 0) doc.splice(at, 1);
      else if (edit === 1) doc.splice(at, 0, sentence(pick(pool)));
      else if (edit === 2) doc.splice(at, 0, doc[(at + 3) % doc.length]); // the same sentence object twice
      else if (edit === 3) {
        // A word of a name taken out, or a name's word put in another sentence.
        const tokens = [...doc[at].tokens];
        tokens.splice(Math.floor(random.next() * tokens.length), 1, pick(['الكاظمي', 'ترامب', 'و', 'بغداد']));
        doc[at] = sentence(tokens);
      } else doc = doc.filter((_, i) => i % 7 !== step % 7);
      context = model.documentContext(doc, context);
      const afresh = fresh.documentContext(doc.map((s) => ({ tokens: s.tokens, labels: s.labels })));
      for (const s of doc) {
        assert.equal(model.contextKey(s.tokens, context), fresh.contextKey(s.tokens, afresh), `step ${step}: ${s.tokens.join(' ')}`);
        assert.deepEqual(model.secondPass(s.tokens, context), fresh.secondPass(s.tokens, afresh));
      }
    }
  });
});
