import * as assert from 'node:assert/strict';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { applyChange, diffAsChange, moveSpan, type TextChange } from '../../../src/core/store/textChange';

/** A store over a text, edited like an editor would. */
function editor(text: string) {
  const store = new AnnotationStore();
  let current = text;
  return {
    store,
    get text() {
      return current;
    },
    annotate(word: string, type = 'GPE', nth = 0) {
      let start = -1;
      for (let i = 0; i <= nth; i++) start = current.indexOf(word, start + 1);
      return store.add(type, [{ start, end: start + word.length }], 'accepted');
    },
    edit(change: TextChange) {
      const result = store.applyChange(current, change);
      current = applyChange(current, change);
      return result;
    },
    covered: () => store.all().map((a) => a.spans.map((s) => current.slice(s.start, s.end)).join('|')),
  };
}

describe('moving spans through edits', () => {
  const span = { start: 10, end: 15 };
  it('shifts a span for text inserted or deleted before it', () => {
    assert.deepEqual(moveSpan(span, { start: 2, end: 2, text: 'abc' }), { start: 13, end: 18 });
    assert.deepEqual(moveSpan(span, { start: 2, end: 6, text: '' }), { start: 6, end: 11 });
  });
  it('leaves text inserted at either edge outside', () => {
    assert.deepEqual(moveSpan(span, { start: 10, end: 10, text: 'x' }), { start: 11, end: 16 });
    assert.deepEqual(moveSpan(span, { start: 15, end: 15, text: 'x' }), span);
  });
  it('resizes a span edited inside', () => {
    assert.deepEqual(moveSpan(span, { start: 12, end: 13, text: 'xyz' }), { start: 10, end: 17 });
  });
  it('cuts a span whose edge is replaced', () => {
    assert.deepEqual(moveSpan(span, { start: 8, end: 12, text: 'ab' }), { start: 10, end: 13 });
    assert.deepEqual(moveSpan(span, { start: 13, end: 20, text: '' }), { start: 10, end: 13 });
  });
  it('removes a span whose text is deleted entirely', () => {
    assert.equal(moveSpan(span, { start: 10, end: 15, text: '' }), undefined);
    assert.equal(moveSpan(span, { start: 5, end: 20, text: 'new' }), undefined);
  });
  it('finds the single change between two texts', () => {
    assert.deepEqual(diffAsChange('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
    assert.equal(diffAsChange('same', 'same'), undefined);
  });
});

describe('annotation store', () => {
  it('follows typing before, inside and after annotations', () => {
    const e = editor('وصل الكاظمي إلى واشنطن اليوم');
    e.annotate('الكاظمي', 'PER');
    e.annotate('واشنطن');
    e.edit({ start: 0, end: 0, text: 'أمس ' });
    assert.deepEqual(e.covered(), ['الكاظمي', 'واشنطن']);
    const at = e.text.indexOf('الكاظمي') + 2;
    e.edit({ start: at, end: at, text: 'ـ' });
    assert.deepEqual(e.covered(), ['الـكاظمي', 'واشنطن']);
    e.edit({ start: e.text.length, end: e.text.length, text: ' مساء' });
    assert.deepEqual(e.covered(), ['الـكاظمي', 'واشنطن']);
  });

  it('finds annotations by extent and status as they are added, moved, retyped, removed and restored', () => {
    const e = editor('وصل الكاظمي إلى واشنطن');
    const at = (word: string) => ({ start: e.text.indexOf(word), end: e.text.indexOf(word) + word.length });
    const ids = (word: string, status: 'accepted' | 'rejected' = 'accepted') => e.store.withExtent(at(word), status).map((a) => a.id);
    const kadhimi = e.annotate('الكاظمي', 'PER');
    const rejected = e.store.add('GPE', [at('الكاظمي')], 'rejected');
    assert.deepEqual(ids('الكاظمي'), [kadhimi.id]);
    assert.deepEqual(ids('الكاظمي', 'rejected'), [rejected.id]);
    const before = at('الكاظمي');
    e.edit({ start: 0, end: 0, text: 'أمس ' });
    assert.deepEqual(ids('الكاظمي'), [kadhimi.id], 'found at its new place');
    assert.deepEqual(e.store.withExtent(before, 'accepted'), [], 'not at its old one');
    e.store.update(kadhimi.id, { type: 'ORG' });
    assert.deepEqual(e.store.withExtent(at('الكاظمي'), 'accepted').map((a) => a.type), ['ORG']);
    e.store.remove(rejected.id);
    assert.deepEqual(ids('الكاظمي', 'rejected'), []);
    const w = e.annotate('إلى');
    e.edit({ start: at('إلى').start - 1, end: at('إلى').end, text: '' });
    assert.deepEqual(e.store.withExtent({ start: w.spans[0].start, end: w.spans[0].end }, 'accepted'), []);
    e.edit({ start: w.spans[0].start - 1, end: w.spans[0].start - 1, text: ' إلى' });
    assert.deepEqual(ids('إلى'), [w.id], 'back after undo');
    e.store.replaceAll([]);
    assert.deepEqual(ids('الكاظمي'), []);
  });

  it('removes an annotation whose text is deleted and brings it back on undo', () => {
    const e = editor('وصل الكاظمي إلى واشنطن');
    const a = e.annotate('واشنطن');
    const start = e.text.indexOf('واشنطن');
    const { removed } = e.edit({ start: start - 1, end: start + 6, text: '' });
    assert.deepEqual(removed.map((r) => r.id), [a.id]);
    assert.equal(e.store.all().length, 0);
    const { restored } = e.edit({ start: start - 1, end: start - 1, text: ' واشنطن' });
    assert.deepEqual(restored.map((r) => r.id), [a.id]);
    assert.deepEqual(e.covered(), ['واشنطن']);
  });

  it('undoes a deletion even after other edits before it', () => {
    const e = editor('قال ترامب في واشنطن');
    e.annotate('واشنطن');
    const start = e.text.indexOf('واشنطن');
    e.edit({ start, end: start + 6, text: '' });
    e.edit({ start: 0, end: 0, text: 'أمس ' });
    assert.equal(e.store.all().length, 0);
    e.edit({ start: start + 4, end: start + 4, text: 'واشنطن' });
    assert.deepEqual(e.covered(), ['واشنطن']);
  });

  it('restores a span cut by a deletion when the deletion is undone', () => {
    const e = editor('رئيس الوزراء مصطفى الكاظمي وصل');
    e.annotate('مصطفى الكاظمي', 'PER');
    const at = e.text.indexOf(' الكاظمي');
    e.edit({ start: at, end: at + 8, text: '' });
    assert.deepEqual(e.covered(), ['مصطفى']);
    e.edit({ start: at, end: at, text: ' الكاظمي' });
    assert.deepEqual(e.covered(), ['مصطفى الكاظمي']);
  });

  it('does not revive an annotation when different text is typed back', () => {
    const e = editor('في واشنطن');
    e.annotate('واشنطن');
    e.edit({ start: 3, end: 9, text: '' });
    e.edit({ start: 3, end: 3, text: 'بغداد' });
    assert.equal(e.store.all().length, 0);
  });

  it('keeps the other fragments of a discontinuous annotation', () => {
    const e = editor('وزارة الخارجية و الدفاع');
    const a = e.store.add('ORG', [{ start: 0, end: 5 }, { start: 17, end: 23 }], 'accepted');
    e.edit({ start: 16, end: 23, text: '' });
    assert.deepEqual(e.store.get(a.id)?.spans, [{ start: 0, end: 5 }]);
  });

  it('allocates brat ids after the largest loaded one', () => {
    const store = new AnnotationStore([{ id: 'T7', type: 'PER', spans: [{ start: 0, end: 1 }], status: 'accepted' }]);
    assert.equal(store.add('GPE', [{ start: 2, end: 3 }], 'accepted').id, 'T8');
    assert.equal(store.add('GPE', [{ start: 2, end: 3 }], 'rejected').id, 'X1');
  });

  it('does not reuse ids of .ann lines it keeps aside', () => {
    const store = new AnnotationStore([], ['T5', 'E2', undefined]);
    assert.equal(store.add('PER', [{ start: 0, end: 1 }], 'accepted').id, 'T6');
  });
});
