// rule:facility-head — a facility head noun followed by a proper name, closed by an optional
// adjective: مطار بغداد الدولي، قاعدة فكتوريا، سجن أبو غريب، مطار محمد الخامس.

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';
import { isProperWord } from '../nameClass';
import { nameRunAt } from '../nameRuns';
import { hasProclitic } from '../words';

const NAMED_TYPES = new Set(['GPE', 'LOC', 'FAC', 'PER']);

export function facilityHeadProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const { words } = line;
      for (let i = 0; i < words.length; i++) {
        if (!res.facilityHeads.has(words[i].entityForm)) continue;
        let end = nameEnd(line, i + 1, res);
        if (end === undefined) continue;
        const after = words[end];
        if (after && !hasProclitic(after) && res.facilityModifiers.has(after.form)) end++;
        out.push({ start: words[i].entityStart, end: words[end - 1].end, type: 'FAC', confidence: CONFIDENCE.facility, source: 'rule:facility-head' });
        i = end - 1;
      }
      return out;
    },
  };
}

/** End of the proper name at `j`: a place entry, a person's name or a rare proper word. */
export function nameEnd(line: LineContext, j: number, res: EngineResources): number | undefined {
  const w = line.words[j];
  if (!w || w.kind !== 'arabic' || hasProclitic(w)) return undefined;
  const entity = line.entities[j];
  if (entity && (entity.entry.curated || entity.length > 1)) return NAMED_TYPES.has(entity.entry.type) ? j + entity.length : undefined;
  const run = nameRunAt(line, j, res);
  if (run && run.end > j + 1) return run.end;
  if (entity) return NAMED_TYPES.has(entity.entry.type) ? j + 1 : undefined;
  return isProperWord(line, j) ? j + 1 : undefined;
}
