// What the event suggester reads from the data folder (see data/NOTICE.md): the trigger lexicon
// and the cue words. Synchronous, a few milliseconds; done once per process.

import { readRows } from '../suggest/dataFiles';
import { buildCueSets, type CueSets } from './cues';
import { buildLexicon, type TriggerLexicon } from './lexicon';

export interface EventResources {
  readonly lexicon: TriggerLexicon;
  readonly cues: CueSets;
}

export function loadEventResources(dataDir: string): EventResources {
  return {
    lexicon: buildLexicon(readRows(dataDir, 'curated/event-triggers.tsv')),
    cues: buildCueSets(readRows(dataDir, 'curated/event-cues.tsv')),
  };
}
