// Word analysis: the forms every proposer matches on.

import * as assert from 'node:assert/strict';
import { WordAnalyzer } from '../../../src/core/suggest/words';
import { engineResources } from './helpers';

let analyzer: WordAnalyzer | undefined;
const analyze = (line: string) => (analyzer ??= new WordAnalyzer(engineResources())).analyze(line);

describe('suggestion engine: word analysis', () => {
  it('strips the conjunction and preposition from the entity part and keeps the article', () => {
    const [w] = analyze('وبالعراق');
    assert.equal(w.form, 'وبالعراق');
    assert.equal(w.entityForm, 'العراق');
    assert.equal(w.entityStart, 2);
    assert.equal(w.conjunction, true);
    assert.equal(w.afterConjunction, 1);
  });

  it('restores the alef of the article after ل', () => {
    const [w] = analyze('للولايات');
    assert.equal(w.entityForm, 'الولايات');
    assert.equal(w.entityStart, 1);
  });

  it('keeps gazetteer names and rare words after ك whole', () => {
    for (const word of ['بغداد', 'بابل', 'واشنطن', 'كرماشي']) assert.equal(analyze(word)[0].entityStart, 0, word);
    assert.equal(analyze('كالعادة')[0].entityForm, 'العاده');
  });

  it('maps offsets past diacritics and format controls', () => {
    const line = 'قال وَلِإيران';
    const w = analyze(line)[1];
    assert.equal(w.entityForm, 'ايران');
    assert.equal(line.slice(w.entityStart, w.end), 'إيران');
    assert.equal(line.slice(w.afterConjunction, w.end), 'لِإيران');
  });

  it('reads a repeated token the same way at every offset', () => {
    const line = 'التقى الكاظمي ثم الكاظمي وللكاظمي';
    const [, a, , b, c] = analyze(line);
    assert.deepEqual([a.form, a.nameClass, b.form, b.nameClass], ['الكاظمي', 'name', 'الكاظمي', 'name']);
    assert.equal(line.slice(b.start, b.end), 'الكاظمي');
    assert.equal(line.slice(c.entityStart, c.end), 'لكاظمي');
    assert.equal(c.entityForm, 'الكاظمي');
  });

  it('leaves non-Arabic tokens alone', () => {
    const words = analyze('عام 2008 ok');
    assert.deepEqual(words.map((w) => [w.kind, w.entityForm]), [['arabic', 'عام'], ['number', '2008'], ['latin', 'ok']]);
  });
});
