// rule:org-head — an organization named by a head noun and what follows it:
//   construct head + known entity:      فيلق القدس، جامعة بغداد، كتائب حزب الله
//   construct head + definite noun (+ nisba adjectives): تنظيم الدولة الإسلامية، وزارة الخارجية الأميركية
//   construct head + rare proper word:  شركة أرامكو
//   definite head + nisba adjectives:   الجيش العراقي، التحالف الدولي
// Heads marked `named` (حركة، شركة) take only the first and third kind of complement.
// The span starts after the head's proclitics.

import { CONFIDENCE } from '../confidence';
import { isNisbaLike } from '../nisbas';
import type { LineContext } from '../lineContext';
import { isProperWord, isStopword } from '../nameClass';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';
import { hasProclitic, isDefinite } from '../words';

/** Nisba adjectives after the head's complement. */
const MAX_ADJECTIVES = 2;

export function orgHeadProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      const { words } = line;
      for (let i = 0; i < words.length; i++) {
        const f = words[i].entityForm;
        const forms = res.orgHeads.get(f);
        const found = forms
          ? construct(line, i + 1, forms === 'named', res)
          : isDefinite(f) && res.orgHeads.get(f.slice(2)) === 'both'
            ? definite(line, i + 1, res)
            : undefined;
        if (!found) continue;
        out.push({ start: words[i].entityStart, end: words[found.end - 1].end, type: 'ORG', confidence: found.confidence, source: 'rule:org-head' });
        i = found.end - 1;
      }
      return out;
    },
  };
}

interface Found {
  readonly end: number;
  readonly confidence: number;
}

function construct(line: LineContext, j: number, namedOnly: boolean, res: EngineResources): Found | undefined {
  if (!plain(line, j, res)) return undefined;
  const w = line.words[j];
  const entity = line.entities[j];
  if (entity) return { end: j + entity.length, confidence: CONFIDENCE.orgHeadEntity };
  if (isDefinite(w.form)) {
    if (namedOnly) return undefined;
    if (res.dateWords.single(w.form) || res.nisbas.has(w.form)) return undefined;
    return { end: adjectivesEnd(line, j + 1, res), confidence: CONFIDENCE.orgHeadPhrase };
  }
  return isProperWord(line, j) ? { end: j + 1, confidence: CONFIDENCE.orgHeadPhrase } : undefined;
}

function definite(line: LineContext, j: number, res: EngineResources): Found | undefined {
  const end = adjectivesEnd(line, j, res);
  return end > j ? { end, confidence: CONFIDENCE.orgHeadAdjective } : undefined;
}

/** End of the nisba adjectives (العراقي، الإسلامية، الدولي) starting at `j`. */
function adjectivesEnd(line: LineContext, j: number, res: EngineResources): number {
  let end = j;
  while (end - j < MAX_ADJECTIVES && plain(line, end, res) && isNisbaLike(line.words[end].form) && !res.dateWords.single(line.words[end].form)) end++;
  return end;
}

/** An Arabic word without proclitics that is not a stopword. */
export function plain(line: LineContext, j: number, res: EngineResources): boolean {
  const w = line.words[j];
  return w !== undefined && w.kind === 'arabic' && !hasProclitic(w) && !isStopword(w, res);
}
