// rule:nisba — nationality and group adjectives of known places and groups (العراقية،
// الأميركيين، الإيراني، الشيعية) and the paired group words (السنة next to الشيعة).

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';

/** How far a paired word looks for another group word. */
const PAIR_WINDOW = 2;

export function nisbaProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      line.words.forEach((w, i) => {
        // The whole word first: فرنسية and فلسطيني begin with letters that look like proclitics.
        const whole = w.entityStart > w.start ? res.nisbas.get(w.form) : undefined;
        const nisba = whole ?? res.nisbas.get(w.entityForm);
        if (!nisba || (nisba.paired && !hasGroupNeighbour(line, i, res))) return;
        const confidence = nisba.paired ? CONFIDENCE.nisbaPaired : CONFIDENCE.nisba;
        out.push({ start: whole ? w.start : w.entityStart, end: w.end, type: 'NORP', confidence, source: 'rule:nisba' });
      });
      return out;
    },
  };
}

function hasGroupNeighbour(line: LineContext, i: number, res: EngineResources): boolean {
  for (let k = Math.max(0, i - PAIR_WINDOW); k <= Math.min(line.words.length - 1, i + PAIR_WINDOW); k++) {
    if (k === i) continue;
    const nisba = res.nisbas.get(line.words[k].entityForm);
    if ((nisba && !nisba.paired) || line.entities[k]?.entry.type === 'NORP') return true;
  }
  return false;
}
