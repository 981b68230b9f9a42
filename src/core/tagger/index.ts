// The trained sequence tagger: a two-pass linear-chain CRF over BIO labels (see tagger.ts), its
// training, model files, online learning from the annotator, and CoNLL reading and scoring.

export type { DocumentContext, LabelledExample, SentenceTags, TaggedSpan, TaggedToken, TaggerModel } from './types';
export { loadModel, saveModel, ModelFileError, MODEL_FORMAT_VERSION, SPELLING_FILE } from './modelFile';
export { trainModel, TRAINING_DEFAULTS, type TrainOptions } from './train';
export { createOnlineLearner, OtherBaseModelError, type OnlineLearner } from './online';
export { conllLabelProblem, readConll, type LabelledSentence } from './conll';
export { examplesFromAnn } from './annExamples';
export { evaluateConll, type Evaluation, type TypeScores } from './evaluate';
export { chunksOf } from './chunks';
export { reliability, type ReliabilityBin } from './calibration';
export { FEATURE_GROUPS, DEFAULT_FEATURES, type FeatureConfig, type FeatureGroup } from './features';
export { readWordTable, WordTable } from './wordTable';
export { readGazetteer, type GazetteerData } from './gazetteer';
export { readRuleData, type RuleData } from './ruleFeatures';

/** The model shipped with Tawsim, in the `models` folder of the extension. */
export const DEFAULT_MODEL_FILE = 'anercorp.tagger';
