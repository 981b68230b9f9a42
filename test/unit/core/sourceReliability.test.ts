// What the annotator's decisions say of each kind of suggestion, and how the engine weighs it.

import * as assert from 'node:assert/strict';
import { decisionOutcomes, RELIABILITY_PRIOR, SourceReliability } from '../../../src/core/learning/sourceReliability';
import type { Suggestion } from '../../../src/core/model';
import { createSuggestionEngine } from '../../../src/core/suggest';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { engineResources } from '../suggest/helpers';

const suggestion = (start: number, end: number, type: string, source: Suggestion['source'], confidence: number): Suggestion => ({ start, end, type, source, confidence });

describe('source reliability', () => {
  it('leaves a kind alone until it is decided, then weighs it by how often it was right against how often it said it would be', () => {
    const r = new SourceReliability();
    assert.equal(r.factor('rule:org-head', 'ORG'), 1);
    const rejected = { source: 'rule:org-head', type: 'ORG', confidence: 0.6, right: false } as const;
    r.add([rejected, rejected, rejected, rejected, rejected]);
    assert.equal(r.factor('rule:org-head', 'ORG'), RELIABILITY_PRIOR / (3 + RELIABILITY_PRIOR));
    assert.equal(r.factor('gazetteer', 'ORG'), 1, 'other kinds are untouched');
    r.add([{ source: 'gazetteer', type: 'PER', confidence: 0.5, right: true }]);
    assert.equal(r.factor('gazetteer', 'PER'), 1, 'a kind right more often than it says is not raised');
    const [source, type, right, , decided] = (r.toJSON() as { kinds: unknown[][] }).kinds[0];
    assert.deepEqual([source, type, right, decided], ['rule:org-head', 'ORG', 0, 5]);
  });

  it('takes a decision back exactly, and reads back what it wrote', () => {
    const r = new SourceReliability();
    const outcomes = [{ source: 'gazetteer', type: 'GPE', confidence: 0.45, right: false }, { source: 'gazetteer', type: 'GPE', confidence: 0.85, right: true }];
    r.add(outcomes);
    const copy = SourceReliability.fromJSON(JSON.parse(JSON.stringify(r.toJSON())));
    assert.equal(copy.factor('gazetteer', 'GPE'), r.factor('gazetteer', 'GPE'));
    r.add(outcomes, -1);
    assert.equal(r.factor('gazetteer', 'GPE'), 1);
    assert.deepEqual((r.toJSON() as { kinds: unknown[] }).kinds, [], 'nothing is left of the kind');
    assert.throws(() => SourceReliability.fromJSON({ format: 'x' }), /not a Tawsim source reliability file/);
    assert.throws(() => SourceReliability.fromJSON({ format: 'tawsim-source-reliability', version: 1, kinds: [['model', 'PER', -1, 0, 1]] }), /malformed/);
  });

  it('leaves the suggestions of the tagger unweighed: it learns from the same decisions', () => {
    const r = new SourceReliability();
    const rejected = { source: 'model', type: 'PER', confidence: 0.9, right: false } as const;
    r.add([rejected, rejected, rejected]);
    assert.equal(r.factor('model', 'PER'), 1);
    const outcomes = decisionOutcomes({ shown: [suggestion(0, 5, 'PER', 'model', 0.9), suggestion(10, 15, 'PER', 'gazetteer', 0.6)], hidden: [] }, { accepted: [], rejected: [{ start: 0, end: 5, type: 'PER' }, { start: 10, end: 15, type: 'PER' }] });
    assert.deepEqual(outcomes, [{ source: 'gazetteer', type: 'PER', confidence: 0.6, right: false }]);
  });

  it('reads a decision: accepted as suggested is right; rejected, retyped or annotated over is wrong; a hidden suggestion counts only when annotated', () => {
    const accepted = suggestion(0, 5, 'PER', 'gazetteer', 0.9);
    const rejected = suggestion(10, 15, 'GPE', 'gazetteer', 0.45);
    const retyped = suggestion(20, 25, 'ORG', 'rule:org-head', 0.6);
    const untouched = suggestion(30, 35, 'DATE', 'rule:date', 0.9);
    const hiddenFound = suggestion(40, 45, 'PER', 'gazetteer', 0.2);
    const hiddenOverlapped = suggestion(50, 55, 'GPE', 'gazetteer', 0.25);
    const outcomes = decisionOutcomes(
      { shown: [accepted, rejected, retyped, untouched], hidden: [hiddenFound, hiddenOverlapped] },
      {
        accepted: [{ start: 0, end: 5, type: 'PER' }, { start: 20, end: 25, type: 'GPE' }, { start: 40, end: 45, type: 'PER' }, { start: 50, end: 52, type: 'PER' }],
        rejected: [{ start: 10, end: 15, type: 'GPE' }],
      },
    );
    assert.deepEqual(outcomes, [
      { source: 'gazetteer', type: 'PER', confidence: 0.9, right: true },
      { source: 'gazetteer', type: 'GPE', confidence: 0.45, right: false },
      { source: 'rule:org-head', type: 'ORG', confidence: 0.6, right: false },
      { source: 'gazetteer', type: 'PER', confidence: 0.2, right: true },
    ]);
  });

  it('the engine weighs its suggestions by it and keeps their own confidence beside', () => {
    const text = 'وصل الوفد إلى بغداد وطهران.';
    const plain = createSuggestionEngine(engineResources()).suggest({ text, schema: NEWS_SCHEMA, accepted: [], rejected: [] });
    const places = plain.filter((s) => s.type === 'GPE');
    assert.ok(places.length >= 2, JSON.stringify(plain));
    const weights = { factor: (_source: string, type: string) => (type === 'GPE' ? 0.5 : 1) };
    const weighed = createSuggestionEngine(engineResources(), { reliability: weights }).suggest({ text, schema: NEWS_SCHEMA, accepted: [], rejected: [] });
    for (const p of places) {
      const w = weighed.find((s) => s.start === p.start && s.type === 'GPE')!;
      assert.equal(w.confidence, p.confidence * 0.5);
      assert.equal(w.baseConfidence, p.confidence);
    }
    assert.ok(weighed.filter((s) => s.type !== 'GPE').every((s) => s.baseConfidence === undefined));
  });
});
