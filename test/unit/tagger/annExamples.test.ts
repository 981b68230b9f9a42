// Training sentences from a .txt + .ann annotated in Tawsim (tawsim train on a folder).

import * as assert from 'node:assert/strict';
import { examplesFromAnn } from '../../../src/core/tagger/annExamples';

describe('training examples from an annotated article', () => {
  const text = 'زار الكاظمي واشنطن.';

  it('labels the entities and leaves event triggers out, as the CoNLL export does', () => {
    const ann = 'T1\tTransport 0 3\tزار\nT2\tPER 4 11\tالكاظمي\nT3\tGPE 12 18\tواشنطن\nE1\tTransport:T1 Agent:T2 Destination:T3\n';
    const { examples, problems } = examplesFromAnn(text, ann);
    assert.deepEqual(problems, []);
    assert.deepEqual(examples.map((e) => e.labels), [['O', 'B-PER', 'B-GPE', 'O']]);
  });

  it('names the line of an annotation it cannot use, after a BOM too', () => {
    const { examples, problems } = examplesFromAnn(text, '\uFEFFT1\tPER 4 11\tبايدن\nT2\tGPE 12 18\tواشنطن\n');
    assert.deepEqual(problems.map((p) => p.line), [1]);
    assert.match(problems[0].message, /^T1: the .ann records "بايدن"/);
    assert.deepEqual(examples.map((e) => e.labels), [['O', 'O', 'B-GPE', 'O']]);
  });
});
