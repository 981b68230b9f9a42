import * as assert from 'node:assert/strict';
import { loadAnn, serializeAnn } from '../../../src/core/formats/annFile';
import { idsInUse } from '../../../src/core/formats/brat';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import type { EntityAnnotation } from '../../../src/core/model';

const accepted = (id: string, type: string, ...spans: [number, number][]): EntityAnnotation => ({
  id,
  type,
  spans: spans.map(([start, end]) => ({ start, end })),
  status: 'accepted',
});

describe('annFile: .ann ↔ annotations', () => {
  it('converts code points to UTF-16 after an emoji, and back', () => {
    const text = '🔥 وصل الكاظمي إلى واشنطن';
    // brat counts 🔥 as one character; UTF-16 as two.
    const ann = 'T1\tPER 6 13\tالكاظمي\nT2\tGPE 18 24\tواشنطن\n';
    const loaded = loadAnn(text, ann);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.annotations, [accepted('T1', 'PER', [7, 14]), accepted('T2', 'GPE', [19, 25])]);
    assert.equal(text.slice(7, 14), 'الكاظمي');
    assert.equal(serializeAnn(text, loaded.annotations, loaded.preserved), ann);
  });

  it('counts CRLF as two characters, as brat does', () => {
    const text = 'سطر أول\r\nبغداد';
    const loaded = loadAnn(text, 'T1\tGPE 9 14\tبغداد\r\n');
    assert.deepEqual(loaded.annotations, [accepted('T1', 'GPE', [9, 14])]);
    assert.equal(serializeAnn(text, loaded.annotations, []), 'T1\tGPE 9 14\tبغداد\n');
  });

  it('counts a BOM kept in the text as the first character, as brat does', () => {
    const text = '\uFEFFبغداد';
    const loaded = loadAnn(text, 'T1\tGPE 1 6\tبغداد\n');
    assert.deepEqual(loaded.annotations, [accepted('T1', 'GPE', [1, 6])]);
    assert.equal(serializeAnn(text, loaded.annotations, []), 'T1\tGPE 1 6\tبغداد\n');
  });

  it('keeps an annotation whose recorded text disagrees, with a problem and the recorded text', () => {
    const text = 'زار ترامب بغداد';
    const loaded = loadAnn(text, 'T1\tPER 4 9\tبايدن\nT2\tGPE 10 15\tبغداد\n');
    assert.equal(loaded.annotations.length, 2);
    const [bad, good] = loaded.annotations;
    assert.equal(bad.recordedText, 'بايدن');
    assert.match(bad.problem!, /records "بايدن" but the text at 4–9 reads "ترامب"/);
    assert.equal(good.problem, undefined);
    assert.deepEqual(loaded.problems, []);
    // Written back with the recorded text, not the current one.
    assert.equal(serializeAnn(text, loaded.annotations, loaded.preserved), 'T1\tPER 4 9\tبايدن\nT2\tGPE 10 15\tبغداد\n');
  });

  it('accepts a recorded text that differs only in whitespace (line break, NBSP)', () => {
    const text = 'مطار\u00A0بغداد\nالدولي';
    const loaded = loadAnn(text, 'T1\tFAC 0 17\tمطار بغداد الدولي\n');
    assert.equal(loaded.annotations[0].problem, undefined);
    assert.equal(serializeAnn(text, loaded.annotations, []), 'T1\tFAC 0 17\tمطار\u00A0بغداد الدولي\n');
  });

  it('writes every character that ends a line for brat as a space in the covered text, and reads it back', () => {
    for (const br of ['\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\x1c', '\x1d', '\x1e']) {
      const text = `في البيت${br}الأبيض`;
      const ann = serializeAnn(text, [accepted('T1', 'FAC', [3, 15])], []);
      assert.equal(ann, 'T1\tFAC 3 15\tالبيت الأبيض\n', JSON.stringify(br));
      const loaded = loadAnn(text, ann);
      assert.deepEqual([loaded.annotations[0].problem, loaded.problems], [undefined, []], JSON.stringify(br));
    }
  });

  it('joins discontinuous fragments with one space and keeps their spans sorted', () => {
    const text = 'وزارة الخارجية والداخلية';
    const ann = 'T1\tORG 0 5;15 24\tوزارة والداخلية\n';
    const loaded = loadAnn(text, ann);
    assert.deepEqual(loaded.annotations, [accepted('T1', 'ORG', [0, 5], [15, 24])]);
    assert.equal(serializeAnn(text, loaded.annotations, loaded.preserved), ann);
  });

  it('reads events whose trigger and arguments exist, also an event pointing at a later event', () => {
    const text = 'اغتيل الباحث هشام الهاشمي في بغداد';
    const ann = ['T1\tKill 0 5\tاغتيل', 'T2\tPER 13 25\tهشام الهاشمي', 'T3\tGPE 29 34\tبغداد', 'E2\tTrial:T1 Defendant:E3', 'E3\tKill:T1 Victim:T2 Place:T3', 'E4\tKill:T1 Victim:T9'];
    const loaded = loadAnn(text, ann.join('\n') + '\n');
    assert.deepEqual(loaded.events.map((e) => e.id), ['E2', 'E3']);
    assert.deepEqual(loaded.events[1].args, [{ role: 'Victim', target: 'T2' }, { role: 'Place', target: 'T3' }]);
    assert.deepEqual(loaded.preserved, [ann[5]]);
    assert.match(loaded.problems[0].message, /E4 points at T9/);
    const written = serializeAnn(text, loaded.annotations, loaded.preserved, loaded.events);
    assert.deepEqual(written.trimEnd().split('\n').sort(), [...ann].sort());
  });

  it('does not make annotations of out-of-range, overlapping, duplicate or malformed lines: keeps and reports them', () => {
    const text = 'بغداد';
    const lines = ['T1\tGPE 0 5\tبغداد', 'T2\tGPE 3 40\tخارج', 'T1\tLOC 0 5\tبغداد', 'T3\tGPE 0 3;2 5\tبغد داد', 'T4 GPE 0 5', 'E1\tAttack:T1 Place:T2'];
    const loaded = loadAnn(text, lines.join('\n'));
    assert.deepEqual(loaded.annotations, [accepted('T1', 'GPE', [0, 5])]);
    assert.deepEqual(loaded.preserved, lines.slice(1));
    assert.deepEqual(loaded.problems.map((p) => p.line), [2, 3, 4, 5, 6]);
    assert.deepEqual(loaded.events, []);
    assert.match(loaded.problems[4].message, /^E1 points at T2, which the file does not hold/);
    assert.match(loaded.problems[0].message, /^T2: offsets 3–40 are past the end of the text \(5 characters\)/);
    assert.match(loaded.problems[1].message, /T1 is already used on line 1/);
    assert.match(loaded.problems[2].message, /fragments 0–3 and 2–5 overlap/);
    assert.match(loaded.problems[3].message, /no TAB/);
  });

  it('round trip keeps every line of any .ann', () => {
    const text = '🇮🇶 العراق\r\nو واشنطن';
    const lines = [
      'T1\tGPE 3 9\tالعراق',
      'E1\tVisit:T1',
      'T2\tGPE 99 120\tgone',
      'garbage without tab',
      'T3\tGPE 15 19;11 12\tشنطن و',
      '#1\tAnnotatorNotes T1\tملاحظة',
      'T4\tPER 0 2\twrong text',
    ];
    const loaded = loadAnn(text, lines.join('\r\n') + '\r\n');
    assert.equal(loaded.annotations.length, 3);
    assert.equal(loaded.annotations[2].problem !== undefined, true);
    assert.deepEqual(loaded.events, [{ id: 'E1', type: 'Visit', trigger: 'T1', args: [] }]);
    const written = serializeAnn(text, loaded.annotations, loaded.preserved, loaded.events).trimEnd().split('\n');
    // Fragments listed out of order come back sorted; every other line is identical.
    assert.deepEqual([...written].sort(), [...lines.map((l) => (l.startsWith('T3') ? 'T3\tGPE 11 12;15 19\tو شنطن' : l))].sort());
  });

  it('writes accepted annotations only, and renumbers an id taken by a preserved line or not a T id', () => {
    const text = 'بغداد وطهران';
    const out = serializeAnn(
      text,
      [accepted('T5', 'GPE', [0, 5]), { ...accepted('X1', 'GPE', [7, 12]), status: 'rejected' }, accepted('T2', 'GPE', [7, 12]), accepted('new', 'LOC', [0, 2])],
      ['T2\tGPE 100 105\tout of range'],
    );
    assert.equal(out, 'T5\tGPE 0 5\tبغداد\nT6\tGPE 7 12\tطهران\nT7\tLOC 0 2\tبغ\nT2\tGPE 100 105\tout of range\n');
  });

  it('never gives a new annotation an id that a kept line points at, even when its annotation is gone', () => {
    const text = 'زار الكاظمي واشنطن بزيارة إيرانية';
    const kept = ['R1\tLocated Arg1:T1 Arg2:T2', 'E1\tAttack:T4 Target:T1'];
    const store = new AnnotationStore([accepted('T1', 'PER', [4, 11])], idsInUse(kept));
    const added = store.add('NORP', [{ start: 26, end: 33 }], 'accepted');
    assert.equal(added.id, 'T5');
    const out = serializeAnn(text, [accepted('T1', 'PER', [4, 11]), accepted('new', 'NORP', [26, 33])], kept);
    assert.equal(out, 'T1\tPER 4 11\tالكاظمي\nT5\tNORP 26 33\tإيرانية\nR1\tLocated Arg1:T1 Arg2:T2\nE1\tAttack:T4 Target:T1\n');
  });

  it('writes nothing for nothing', () => {
    assert.equal(serializeAnn('نص', [], []), '');
  });
});
