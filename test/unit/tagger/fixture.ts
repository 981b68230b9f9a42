// A small synthetic corpus for tagger tests: sentences built from templates, names and places,
// chosen by a seeded generator; and a tiny word table (clusters, embeddings, spelling list) over
// its words.

import { chunksOf } from '../../../src/core/tagger/chunks';
import { Random } from '../../../src/core/tagger/random';
import type { LabelledExample } from '../../../src/core/tagger';
import { lookupForm, WordTable } from '../../../src/core/tagger/wordTable';

const GIVEN = ['أحمد', 'محمد', 'علي', 'حسن', 'كريم', 'سامي', 'فادي', 'ماجد', 'يوسف', 'خالد'];
const FAMILY = ['الكاظمي', 'العبادي', 'الحلبوسي', 'المالكي', 'الجبوري', 'النجفي'];
const PLACES = ['بغداد', 'واشنطن', 'طهران', 'دمشق', 'القاهرة', 'عمان', 'باريس', 'لندن'];
const ORGS = [['حزب', 'الدعوة'], ['وزارة', 'الخارجية'], ['الأمم', 'المتحدة'], ['البنك', 'الدولي']];

type Slot = 'PERS' | 'LOC' | 'ORG';
const TEMPLATES: (string | Slot)[][] = [
  ['قال', 'الرئيس', 'PERS', 'في', 'LOC', 'إن', 'ORG', 'ستعمل', 'معه', '.'],
  ['زار', 'PERS', 'مدينة', 'LOC', 'أمس', '.'],
  ['ORG', 'تعلن', 'من', 'LOC', 'أن', 'PERS', 'وصل', '.'],
  ['التقى', 'الوزير', 'PERS', 'وفدا', 'من', 'ORG', '.'],
  ['وصلت', 'الأمطار', 'إلى', 'LOC', 'اليوم', '.'],
];

export function syntheticCorpus(count: number, seed: number): LabelledExample[] {
  const r = new Random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.next() * xs.length)];
  const out: LabelledExample[] = [];
  for (let i = 0; i < count; i++) {
    const tokens: string[] = [];
    const labels: string[] = [];
    for (const part of pick(TEMPLATES)) {
      const words = part === 'PERS' ? [pick(GIVEN), pick(FAMILY)] : part === 'LOC' ? [pick(PLACES)] : part === 'ORG' ? pick(ORGS) : [part];
      words.forEach((w, k) => {
        tokens.push(w);
        labels.push(part === 'PERS' || part === 'LOC' || part === 'ORG' ? `${k ? 'I' : 'B'}-${part}` : 'O');
      });
    }
    out.push({ tokens, labels });
  }
  return out;
}

/** Word table over the corpus's words: two clusters (names or not), 4-d embeddings, names unknown to "spelling". */
export function syntheticWordTable(corpus: readonly LabelledExample[]): WordTable {
  const forms: string[] = [];
  const isName: boolean[] = [];
  for (const s of corpus) {
    const inside = new Set(chunksOf(s.labels).flatMap((c) => Array.from({ length: c.end - c.start }, (_, k) => c.start + k)));
    s.tokens.forEach((t, i) => {
      const f = lookupForm(t);
      if (!forms.includes(f)) {
        forms.push(f);
        isName.push(inside.has(i));
      }
    });
  }
  const clusters = Uint16Array.from(forms.flatMap((_, i) => [isName[i] ? 1 : 0, i % 3, i % 5, i]));
  const embeddings = Int8Array.from(forms.flatMap((_, i) => (isName[i] ? [100, 0, 20, -20] : [0, 100, -20, 20])));
  return new WordTable({ forms, clusters, embeddings, dim: 4, spellUnknown: Uint8Array.from(isName, (n) => (n ? 1 : 0)) });
}
