// The shipped tagger's persons: they never end at a connector (بن، عبد…) and never go on across a
// word read as و + word, as in ANERcorp's training data. Tokens as ANERcorp writes them (و kept).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEFAULT_MODEL_FILE, loadModel } from '../../../src/core/tagger';
import { REPO_ROOT } from '../suggest/helpers';

describe('the tagger’s persons', function () {
  this.timeout(20000);
  const model = loadModel(path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE));
  const persons = (sentence: string) => {
    const tokens = sentence.split(' ');
    const [tags] = model.tagDocument([tokens]);
    return tags.spans.filter((s) => s.type === 'PERS').map((s) => tokens.slice(s.start, s.end).join(' '));
  };

  it('starts another person at a name after و', () => {
    assert.deepEqual(persons('وقال الأمين العام محمد خميس وعباس عثمان عضو اللجنة إن الاجتماع ناجح .'), ['محمد خميس', 'وعباس عثمان']);
    assert.deepEqual(persons('وشارك في الندوة الفيلسوفان أندريه غلوكسمان وبرنار هنري ليفي .'), ['أندريه غلوكسمان', 'وبرنار هنري ليفي']);
  });

  it('runs a person on past a connector', () => {
    const found = persons('وحضر اللقاء سمو الشيخ حمدان بن محمد بن راشد آل مكتوم وسمو الشيخ مكتوم بن محمد بن راشد آل مكتوم .');
    assert.ok(found.includes('مكتوم بن محمد بن راشد آل مكتوم'), found.join(' | '));
    assert.ok(!found.some((p) => / (بن|عبد|آل)$/.test(p)), found.join(' | '));
  });
});
