// rule:title — a title or role followed by a name: الباحث هشام الهاشمي. The title may take a
// complement first (رئيس الوزراء العراقي مصطفى الكاظمي، لقائد فيلق القدس الإيراني قاسم سليماني);
// the name then extends over consecutive name words, and a lone given name over the family name
// (الرئيس السوري بشار الأسد). The title itself is never part of the span.

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import { isStopword } from '../nameClass';
import { isFamilyWord, nameRunAt } from '../nameRuns';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';
import { hasProclitic, isDefinite, STARTS } from '../words';

/** Words of a title's complement skipped before the name starts. */
const MAX_COMPLEMENT = 4;

export function titleProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const { words } = line;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (!(w.starts & STARTS.titleAfterProclitics)) continue;
        const title = res.titles.longest(w.entityForm, line.forms, i);
        if (!title) continue;
        let j = i + title.length;
        for (let skipped = 0; j < words.length; skipped++) {
          const run = hasProclitic(words[j]) ? undefined : nameRunAt(line, j, res);
          if (run && (line.nameClasses[j] === 'given' || line.nameClasses[j] === 'name' || run.kunya)) {
            // A lone name after a title is followed by the family name, even an ordinary word: بشار الأسد.
            const end = run.end === j + 1 && isFamilyWord(line, run.end, res) ? run.end + 1 : run.end;
            out.push({ start: words[j].entityStart, end: words[end - 1].end, type: 'PER', confidence: CONFIDENCE.title, source: 'rule:title' });
            j = end;
            break;
          }
          const skip = skipped < MAX_COMPLEMENT ? complementLength(line, j, res) : 0;
          if (skip === 0) break;
          j += skip;
        }
        i = Math.max(i, j - 1);
      }
      return out;
    },
  };
}

/** Number of words at `j` that can belong to a title's complement (0 if none). */
function complementLength(line: LineContext, j: number, res: EngineResources): number {
  const w = line.words[j];
  if (w.kind !== 'arabic' || hasProclitic(w) || isStopword(w, res)) return 0;
  if (res.dateWords.single(w.form)) return 0;
  const entity = line.entities[j];
  if (entity && entity.entry.type !== 'PER') return entity.length;
  // Nisbas, heads and titles (نائب رئيس الوزراء): words of the engine's vocabularies.
  if (res.vocabulary.has(w.form)) return 1;
  return isDefinite(w.form) && line.nameClasses[j] !== 'given' && line.nameClasses[j] !== 'name' ? 1 : 0;
}
