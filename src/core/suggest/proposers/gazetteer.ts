// Gazetteer entries (places, organizations, facilities, groups) found in the line.

import { CONFIDENCE } from '../confidence';
import { entityStartOf, type EntityMatch, type LineContext } from '../lineContext';
import { COMMON_RANK, MANY_PEOPLE } from '../nameClass';
import type { LineProposer, Proposal } from '../proposal';
import type { EngineResources } from '../resources';

export function gazetteerProposer(res: EngineResources): LineProposer {
  return {
    propose(line) {
      const out: Proposal[] = [];
      for (let i = 0; i < line.words.length; i++) {
        const m = line.entities[i];
        if (!m) continue;
        const end = line.words[i + m.length - 1].end;
        // A listed place named with its head (محافظة مأرب، ولاية الجزيرة) is marked as the head list says: the name alone.
        const head = m.entry.curated ? undefined : res.placeHeads.longest(line.words[i].entityForm, line.forms, i);
        const start = head && head.value.extent === 'name' && head.length < m.length ? line.words[i + head.length].start : entityStartOf(line, i);
        out.push({ start, end, type: m.entry.type, confidence: confidenceOf(line, i, m, res), source: 'gazetteer' });
        i += m.length - 1;
      }
      return out;
    },
  };
}

function confidenceOf(line: LineContext, i: number, m: EntityMatch, res: EngineResources): number {
  if (m.entry.curated) return m.entry.ambiguous ? CONFIDENCE.curatedAmbiguous : CONFIDENCE.curatedEntry;
  if (m.length > 1) return CONFIDENCE.listedPlacePhrase;
  const w = line.words[i];
  const name = res.names.get(w.entityForm);
  if (name && (name.cls === 'g' || name.count >= MANY_PEOPLE)) return CONFIDENCE.placeThatIsAlsoName;
  if (m.entry.major) return CONFIDENCE.listedMajorPlace;
  return res.frequency.rank(w.form) < COMMON_RANK ? CONFIDENCE.listedCommonWord : CONFIDENCE.listedPlaceWord;
}
