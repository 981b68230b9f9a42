// rule:org-head, institutions — the head with ال, one or two adjectives, then what the institution
// is for after ل:
//   الوكالة الدولية للطاقة الذرية، المجلس الأعلى للقضاء، الشركة الموريتانية للطاقات المتجددة
//   ل + a definite noun and its definite words:     للطاقة الذرية، للقضاء
//   ل + a noun in construct and a definite word or a place: لحقوق الإنسان، لمراقبة التراب الوطني، لتحرير فلسطين
// Without the ل-complement the phrase is left to the other proposers (الشركة الموريتانية is "the
// Mauritanian company" more often than a name). A ل-complement followed by على، من، عن، إلى is the
// purpose of an action (الجبهة الوطنية للسيطرة على المدينة), and a title after ل is whom it was done for
// (وجه الحزب الشيوعي الفرنسي لرئيس الحكومة انتقادات). A head and adjectives that are
// a listed name are not extended (الاتحاد الأوروبي للشؤون الخارجية: the EU's foreign affairs).

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import { isNisbaLike } from '../nisbas';
import { isStopword } from '../nameClass';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';
import { hasProclitic, isDefinite, type Word } from '../words';
import { plain } from './orgHeads';

const MAX_ADJECTIVES = 2;
/** Words of the ل-complement, the ل-word included. */
const MAX_COMPLEMENT = 3;
/** After a ل-complement, these make it the purpose of an action. */
const GOVERNED_PREPOSITIONS: ReadonlySet<string> = new Set(['علي', 'من', 'عن', 'الي']);

export function institutionProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const { words } = line;
      for (let i = 0; i < words.length; i++) {
        const f = words[i].entityForm;
        if (!isDefinite(f) || !res.institutionHeads.has(f.slice(2))) continue;
        const end = institutionEnd(line, i, res);
        if (end === undefined) continue;
        out.push({ start: words[i].entityStart, end: words[end - 1].end, type: 'ORG', confidence: CONFIDENCE.orgHeadComplement, source: 'rule:org-head' });
        i = end - 1;
      }
      return out;
    },
  };
}

/** The end (word index) of the institution name whose head is word `i`, if it is one. */
function institutionEnd(line: LineContext, i: number, res: EngineResources): number | undefined {
  let j = i + 1;
  while (j - i - 1 < MAX_ADJECTIVES && definiteWord(line, j, res) && (isNisbaLike(line.words[j].form) || res.institutionAdjectives.has(line.words[j].form))) j++;
  if (j === i + 1) return undefined;
  const listed = line.entities[i];
  if (listed && !listed.afterProclitics && listed.length >= j - i) return undefined;
  const end = complementEnd(line, j, res);
  if (end === undefined) return undefined;
  const next = line.words[end];
  return next && GOVERNED_PREPOSITIONS.has(next.form) ? undefined : end;
}

/** The end of the ل-complement starting at word `j`, if there is one. */
function complementEnd(line: LineContext, j: number, res: EngineResources): number | undefined {
  const w = line.words[j];
  if (!w || !onlyLam(w) || isStopword(w, res) || line.entities[j] || res.titles.longest(w.entityForm, line.forms, j)) return undefined;
  let end = j + 1;
  if (!isDefinite(w.entityForm)) {
    // A noun in construct needs its complement: a place, or a definite word.
    const place = line.entities[end];
    if (place && !place.afterProclitics && plain(line, end, res) && place.entry.type !== 'ORG') return end + place.length;
    if (!definiteWord(line, end, res)) return undefined;
    end++;
  }
  while (end - j < MAX_COMPLEMENT && definiteWord(line, end, res) && !line.entities[end]) end++;
  return end;
}

/** ل alone before the word (للطاقة، لحقوق), not و or ب with it. */
function onlyLam(w: Word): boolean {
  return w.kind === 'arabic' && w.form.startsWith('ل') && hasProclitic(w) && !w.conjunction && w.form.length - w.entityForm.length <= 1;
}

/** A definite Arabic word without proclitics that is neither a stopword nor a date word. */
function definiteWord(line: LineContext, j: number, res: EngineResources): boolean {
  return plain(line, j, res) && isDefinite(line.words[j].form) && !res.dateWords.single(line.words[j].form);
}
