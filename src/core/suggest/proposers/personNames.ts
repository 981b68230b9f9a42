// Person names recognised from the name lists alone: two or more name words in a row, one of them
// not a common word (دونالد ترامب; not بدور حاسم), a name word and a word too rare for the
// frequency list (اسماعيل قاآني), or a kunya (أبو مهدي المهندس).
// A single name word is too weak on its own; titles (rule:title) and consistency cover those.

import { CONFIDENCE } from '../confidence';
import { nameRunAt, type NameRun } from '../nameRuns';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';

export function personNameProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      for (let i = 0; i < line.words.length; i++) {
        const run = nameRunAt(line, i, res);
        if (!run) continue;
        const confidence = confidenceOf(run);
        if (confidence > 0) {
          out.push({ start: line.words[i].entityStart, end: line.words[run.end - 1].end, type: 'PER', confidence, source: 'gazetteer' });
        }
        i = run.end - 1;
      }
      return out;
    },
  };
}

function confidenceOf(run: NameRun): number {
  if (run.kunya) return CONFIDENCE.personKunya;
  if (run.givenNames + run.listedNames >= 2 && run.rareNames >= 1) return CONFIDENCE.personListed;
  if (run.givenNames + run.listedNames >= 1 && run.uncommon >= 1) return CONFIDENCE.personGivenAndRare;
  return 0;
}
