import * as assert from 'node:assert/strict';
import { segmentProclitics } from '../../../src/core/text/clitics';

const entity = (word: string, known?: (w: string) => boolean) => word.slice(segmentProclitics(word, known).entityStart);

describe('proclitic segmentation', () => {
  const cases: [string, string][] = [
    ['بالقاهرة', 'القاهرة'],
    ['للحشد', 'لحشد'],
    ['وللحشد', 'لحشد'],
    ['والعراق', 'العراق'],
    ['فالعراق', 'العراق'],
    ['كالعادة', 'العادة'],
    ['وبالعراق', 'العراق'],
    ['وواشنطن', 'واشنطن'],
    ['لإيران', 'إيران'],
    ['بواشنطن', 'واشنطن'],
    ['ولبنان', 'لبنان'],
    ['وفلسطين', 'فلسطين'],
  ];
  for (const [word, span] of cases) {
    it(`${word} → ${span}`, () => assert.equal(entity(word), span));
  }

  it('leaves the future particle out of verbs but never out of an entity', () => {
    for (const [word, verb, entity] of [['سيزور', 'يزور', 'سيزور'], ['وسيزور', 'يزور', 'سيزور'], ['سيتراوندي', 'يتراوندي', 'سيتراوندي']]) {
      const s = segmentProclitics(word);
      assert.equal(word.slice(s.verbStart), verb);
      assert.equal(word.slice(s.entityStart), entity);
    }
  });

  it('does not strip known wholes', () => {
    for (const w of ['بغداد', 'لبنان', 'فلسطين', 'كركوك', 'واشنطن', 'وزير', 'فيلق', 'كتائب', 'لجنة', 'بيان']) assert.equal(entity(w), w);
  });

  it('does not strip when the rest would be too short', () => {
    for (const w of ['ولد', 'بين', 'بل', 'في', 'لم', 'وفي', 'سيرة']) assert.equal(entity(w), w);
  });

  it('reports the clitics and the article', () => {
    const s = segmentProclitics('وبالعراق');
    assert.equal(s.conjunction, 'و');
    assert.equal(s.particle, 'ب');
    assert.equal(s.article, true);
    assert.equal('وبالعراق'.slice(s.stemStart), 'عراق');
    const l = segmentProclitics('للحشد');
    assert.equal(l.particle, 'ل');
    assert.equal(l.article, true);
    assert.equal('للحشد'.slice(l.stemStart), 'حشد');
  });

  it('counts offsets in UTF-16 units past diacritics', () => {
    assert.equal(entity('وَبِالعِراق'), 'العِراق');
  });

  it('honours an extra known-whole list', () => {
    assert.equal(entity('بعقوبة'), 'بعقوبة');
    assert.equal(entity('كفرنبل'), 'فرنبل');
    assert.equal(entity('كفرنبل', (w) => w === 'كفرنبل'), 'كفرنبل');
  });
});
