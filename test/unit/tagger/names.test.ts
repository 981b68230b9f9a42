// The shipped tagger's names follow regularities of ANERcorp's training data (settleNames): a
// person never ends at a connector (بن، عبد…), never goes on across a word read as و + word and
// never stands right beside another unless a given name follows a family name; no name goes on across و + a listed place or organization;
// a listed full name is one person. Tokens as ANERcorp writes them (و kept).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEFAULT_MODEL_FILE, loadModel } from '../../../src/core/tagger';
import { REPO_ROOT } from '../suggest/helpers';

describe('the tagger’s names', function () {
  this.timeout(20000);
  const model = loadModel(path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE));
  const spans = (sentence: string, type: string) => {
    const tokens = sentence.split(' ');
    const [tags] = model.tagDocument([tokens]);
    return tags.spans.filter((s) => s.type === type).map((s) => ({ text: tokens.slice(s.start, s.end).join(' '), confidence: s.confidence }));
  };
  const persons = (sentence: string) => spans(sentence, 'PERS').map((s) => s.text);

  it('starts another person at a name after و', () => {
    assert.deepEqual(persons('وقال الأمين العام محمد خميس وعباس عثمان عضو اللجنة إن الاجتماع ناجح .'), ['محمد خميس', 'وعباس عثمان']);
    assert.deepEqual(persons('وشارك في الندوة الفيلسوفان أندريه غلوكسمان وبرنار هنري ليفي .'), ['أندريه غلوكسمان', 'وبرنار هنري ليفي']);
  });

  it('runs a person on past a connector', () => {
    const found = persons('وحضر اللقاء سمو الشيخ حمدان بن محمد بن راشد آل مكتوم وسمو الشيخ مكتوم بن محمد بن راشد آل مكتوم .');
    assert.ok(found.includes('مكتوم بن محمد بن راشد آل مكتوم'), found.join(' | '));
    assert.ok(!found.some((p) => / (بن|عبد|آل)$/.test(p)), found.join(' | '));
  });

  it('joins two persons side by side, unless a given name follows a family name', () => {
    assert.deepEqual(persons('وسجل اللاعب محمود صبري ابو تريكة هدف الفوز في الدقيقة الأخيرة .'), ['محمود صبري ابو تريكة']);
    assert.deepEqual(persons('واستقبل رئيس الوزراء مصطفى الكاظمي اسماعيل قاآني في بغداد .'), ['مصطفى الكاظمي', 'اسماعيل قاآني']);
  });

  it('reads a listed full name as one person', () => {
    assert.deepEqual(persons('ورحب بان كي مون بالاتفاق .'), ['بان كي مون']);
  });

  it('starts another organization at و + a listed one, as sure as the whole the model found', () => {
    const clubs = spans('وتعادل فريق أرسنال وموناكو في المباراة التي جرت أمس .', 'ORG');
    assert.deepEqual(clubs.map((s) => s.text), ['أرسنال', 'وموناكو']);
    assert.equal(clubs[0].confidence, clubs[1].confidence);
  });
});
