// The lexicon features (training data's and document's): their names, the phrase features, and
// the key that tells whether two sentences would read the same features.

import * as assert from 'node:assert/strict';
import { LexiconView } from '../../../src/core/tagger/encoder';
import { hashString } from '../../../src/core/tagger/hash';
import { LabelSet } from '../../../src/core/tagger/labels';
import { Lexicon } from '../../../src/core/tagger/lexicon';

const labels = LabelSet.fromLabels(['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS']);
const names = (...xs: string[]) => Uint32Array.from(xs, (x) => hashString(x));

function lexicon(): Lexicon {
  const lex = new Lexicon(labels.types.length);
  for (let i = 0; i < 12; i++) lex.add(['محمد'], ['B-PERS'], labels);
  for (let i = 0; i < 5; i++) lex.add(['سلام'], ['O'], labels);
  for (let i = 0; i < 3; i++) lex.add(['سلام'], ['B-PERS'], labels);
  lex.add(['علي'], ['B-PERS'], labels);
  lex.add(['بغداد'], ['B-LOC'], labels);
  lex.add(['الأمم', 'المتحدة'], ['B-ORG', 'I-ORG'], labels);
  return lex;
}

describe('lexicon features', () => {
  it('names what the lexicon says of each word: top label, its share, how often, a likely entity type', () => {
    const view = new LexiconView(lexicon(), labels.types, 'lx');
    const [muhammad, salam, unseen] = view.hashes(['محمد', 'سلام', 'كتاب']);
    assert.deepEqual(muhammad, names('lx:PERS:all', 'lxn:PERS:10'));
    // 5 times outside, 3 times a person: mostly O, seen 8 times, a person often enough.
    assert.deepEqual(salam, names('lx:O:most', 'lxn:O:3', 'lxe:PERS:hi'));
    assert.deepEqual(unseen, names('lx:none'));
  });

  it('adds the multi-word name a token begins or continues', () => {
    const view = new LexiconView(lexicon(), labels.types, 'dx');
    const [before, first, second] = view.hashes(['في', 'الأمم', 'المتحدة']);
    assert.deepEqual(before, names('dx:none'));
    assert.deepEqual(first, names('dx:ORG:all', 'dxn:ORG:1', 'dxp:B-ORG'));
    assert.deepEqual(second, names('dx:ORG:all', 'dxn:ORG:1', 'dxp:I-ORG'));
  });

  it('gives equal keys to sentences whose features are equal, and different keys otherwise', () => {
    const lex = lexicon();
    const view = new LexiconView(lex, labels.types, 'dx');
    // علي and بغداد: each seen once, always of its type; different types.
    assert.equal(view.key(['في', 'علي']), view.key(['من', 'علي']));
    assert.notEqual(view.key(['في', 'علي']), view.key(['في', 'بغداد']));
    assert.notEqual(view.key(['في', 'علي']), view.key(['علي', 'في']));
    assert.notEqual(view.key(['الأمم', 'المتحدة']), view.key(['المتحدة', 'الأمم']));
  });

  it('follows the lexicon when it changes (the online learner extends it)', () => {
    const lex = lexicon();
    const view = new LexiconView(lex, labels.types, 'lx');
    const sentence = ['وزارة', 'الصحة'];
    const before = view.key(sentence);
    assert.deepEqual(view.hashes(sentence)[1], names('lx:none'));
    lex.add(sentence, ['B-ORG', 'I-ORG'], labels);
    assert.notEqual(view.key(sentence), before);
    assert.deepEqual(view.hashes(sentence)[1], names('lx:ORG:all', 'lxn:ORG:1', 'lxp:I-ORG'));
  });
});
