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
        // The whole word first, then after its conjunction: فرنسية، فلسطيني and (و)بريطانيون begin
        // with letters that look like proclitics.
        const whole = w.entityStart > w.start ? res.nisbas.get(w.form) : undefined;
        const afterConjunction = !whole && w.conjunction && w.entityStart > w.afterConjunction ? res.nisbas.get(w.form.slice(1)) : undefined;
        const nisba = whole ?? afterConjunction ?? res.nisbas.get(w.entityForm);
        if (!nisba || (nisba.paired && !hasGroupNeighbour(line, i, res))) return;
        const confidence = nisba.paired ? CONFIDENCE.nisbaPaired : CONFIDENCE.nisba;
        const start = whole ? w.start : afterConjunction ? w.afterConjunction : w.entityStart;
        out.push({ start, end: w.end, type: 'NORP', confidence, source: 'rule:nisba' });
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
