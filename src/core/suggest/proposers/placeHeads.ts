// rule:place-head — a head noun of a place name followed by the name: حي الدورة → الدورة (LOC),
// مخيم بلاطة → بلاطة (GPE), شارع السعدون and بحر العرب whole (LOC). The heads and what each
// yields are in data/curated/place-heads.tsv.

import { CONFIDENCE } from '../confidence';
import type { LineContext } from '../lineContext';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';
import { isNisbaLike } from '../nisbas';
import { hasProclitic } from '../words';
import { nameEnd } from './facilityHeads';

export function placeHeadProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const { words } = line;
      for (let i = 0; i < words.length; i++) {
        const head = res.placeHeads.longest(words[i].entityForm, line.forms, i);
        if (!head) continue;
        const first = i + head.length;
        const end = head.value.namesOnly ? nameEnd(line, first, res) : nameEnd(line, first, res) ?? definiteName(line, first, res) ?? rareWhole(line, first, res);
        if (end === undefined) continue;
        // The word after a head (in construct) takes no preposition: its first letter is its own (جزيرة كمران).
        const start = head.value.extent === 'whole' ? words[i].entityStart : words[first].start;
        out.push({ start, end: words[end - 1].end, type: head.value.type, confidence: head.value.type === 'GPE' ? CONFIDENCE.placeHeadTown : CONFIDENCE.placeHeadArea, source: 'rule:place-head' });
        i = end - 1;
      }
      return out;
    },
  };
}

/** Words this common are ordinary nouns after a head (منطقة الحدود، منطقة الشمال), not names. */
const ORDINARY_RANK = 1000;

/** A definite word that is no adjective, no common noun, no function word and no word of the engine's vocabularies (حي الجامعة). */
function definiteName(line: LineContext, j: number, res: EngineResources): number | undefined {
  const w = line.words[j];
  if (!w || w.kind !== 'arabic' || hasProclitic(w) || !w.form.startsWith('ال')) return undefined;
  const bare = w.form.slice(2);
  if (bare.length < 3 || isNisbaLike(w.form) || /(يون|يين)$/.test(bare) || res.stopwords.has(w.form) || res.vocabulary.has(w.form) || res.vocabulary.has(bare)) return undefined;
  if (res.frequency.rank(w.form) < ORDINARY_RANK) return undefined;
  return j + 1;
}

/** A rare word whose first letter looks like a proclitic (كمران، بلاطة، لفتا): whole after a head. */
function rareWhole(line: LineContext, j: number, res: EngineResources): number | undefined {
  const w = line.words[j];
  if (!w || w.kind !== 'arabic' || !hasProclitic(w) || w.form.length < 4 || w.form.includes('ال')) return undefined;
  return res.frequency.rank(w.form) >= ORDINARY_RANK && !res.stopwords.has(w.form) ? j + 1 : undefined;
}
