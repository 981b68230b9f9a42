// The surface forms of a trigger lemma, generated from a verb's past and present stems or a noun's
// singular and plurals with the affixes of news text: person, number and gender suffixes, present
// prefixes, object and possessive pronouns, the dual, the accusative alef. Forms are in matching
// form (normalizeForMatching: أ إ آ → ا, ى → ي, ة → ه) and carry no proclitics (و ف ب ل ك س ال),
// which the matcher strips before looking a word up.

export type Tense = 'past' | 'present';

export interface VerbForm {
  readonly form: string;
  readonly tense: Tense;
}

/** Past suffixes: he, she/I/you, they (dual m.), they (dual f.), they (pl.), they (pl. f.), we, you (pl.). */
const PAST_SUFFIXES = ['', 'ت', 'ا', 'تا', 'وا', 'ن', 'نا', 'تم'];
/** Present suffixes after the prefix and stem: -, they (pl.), they (dual), you (f.), they (pl. f.), subjunctive pl. and dual. */
const PRESENT_SUFFIXES = ['', 'ون', 'ان', 'ين', 'ن', 'وا', 'ا'];
const PRESENT_PREFIXES = ['ي', 'ت', 'ن', 'ا'];
/** Object pronouns of the third person and "us" on verbs (قتله، اعتقلوهم، يعتقلونه). */
const OBJECT_SUFFIXES = ['ه', 'ها', 'هم', 'هما', 'نا'];
/** Possessive pronouns on nouns (زيارته، مثولهم، مصرعهما). Not -ي "my": on a noun it reads as an
 * adjective (هجومي "offensive", هجومية). */
const POSSESSIVE_SUFFIXES = ['ه', 'ها', 'هم', 'هما', 'نا'];

const WEAK_FINAL = new Set(['ي', 'ا', 'و']);

/**
 * Every form of a verb given its past (3rd m. sg., هاجم، التقى، زار) and present (3rd m. sg.,
 * يهاجم، يلتقي، يزور; none for a passive past of its own, اغتيل) in matching form. Verbs ending in a weak letter (التقى/يلتقي، غزا/يغزو) drop
 * it before -وا/-ت/-ون; hollow verbs (زار) also take the short stem before consonant suffixes (زرنا).
 */
export function verbForms(past: string, present?: string): VerbForm[] {
  const out = new Map<string, Tense>();
  const add = (form: string, tense: Tense) => {
    if (form.length >= 2 && !out.has(form)) out.set(form, tense);
  };
  for (const f of pastForms(past)) {
    add(f, 'past');
    for (const o of OBJECT_SUFFIXES) add(withObject(f, o), 'past');
  }
  if (present === undefined) return [...out].map(([form, tense]) => ({ form, tense }));
  if (!present.startsWith('ي') || present.length < 3) throw new Error(`present "${present}" must start with ي`);
  const core = present.slice(1);
  for (const prefix of PRESENT_PREFIXES) {
    for (const f of presentForms(prefix, core)) {
      add(f, 'present');
      if (!f.endsWith('ا') && !f.endsWith('ن')) for (const o of OBJECT_SUFFIXES) add(f + o, 'present');
      if (f.endsWith('ون')) for (const o of OBJECT_SUFFIXES) add(f + o, 'present');
    }
  }
  return [...out].map(([form, tense]) => ({ form, tense }));
}

function pastForms(past: string): string[] {
  const last = past[past.length - 1];
  if (WEAK_FINAL.has(last)) {
    // التقى → التقت التقتا التقوا التقيا التقينا التقيت; غزا → غزت غزوا غزونا.
    const base = past.slice(0, -1);
    const glide = last === 'ا' ? 'و' : 'ي';
    return [past, base + 'ت', base + 'تا', base + 'وا', base + glide + 'ا', base + glide + 'نا', base + glide + 'ت', base + glide + 'تم'];
  }
  const forms = PAST_SUFFIXES.map((s) => past + s);
  if (past.length === 3 && past[1] === 'ا') {
    // Hollow: زار → زرنا زرت زرتم.
    const short = past[0] + past[2];
    forms.push(short + 'نا', short + 'ت', short + 'تم', short + 'ن');
  }
  return forms;
}

function presentForms(prefix: string, core: string): string[] {
  const last = core[core.length - 1];
  if (WEAK_FINAL.has(last)) {
    // يلتقي → يلتقون يلتقوا يلتقيان تلتقين; يغزو → يغزون يغزوان.
    const base = core.slice(0, -1);
    return [prefix + core, prefix + base + 'ون', prefix + base + 'وا', prefix + core + 'ان', prefix + base + 'ين', prefix + core + 'ن'];
  }
  return PRESENT_SUFFIXES.map((s) => prefix + core + s);
}

/** A past form with an object pronoun: the -وا of the plural loses its alef (اعتقلوا → اعتقلوه). */
function withObject(form: string, object: string): string {
  return form.endsWith('وا') ? form.slice(0, -1) + object : form + object;
}

/**
 * Every form of a noun given its singular and plurals in matching form: the words as given, the
 * accusative alef (هجوما), the dual (هجومان، زيارتين), and possessive pronouns on the singular,
 * the dual's construct and the plurals (زيارته، هجماتهم، مصرعهما). A singular in ة (ه) takes ت
 * before a suffix.
 */
export function nounForms(singular: string, plurals: readonly string[] = []): string[] {
  const out = new Set<string>();
  const bound = (w: string) => (w.endsWith('ه') ? w.slice(0, -1) + 'ت' : w);
  const withPossessives = (w: string) => {
    out.add(w);
    for (const p of POSSESSIVE_SUFFIXES) out.add(bound(w) + p);
  };
  withPossessives(singular);
  if (!singular.endsWith('ه') && !singular.endsWith('ا') && !singular.endsWith('ء') && !singular.endsWith('ي')) out.add(singular + 'ا');
  for (const dual of ['ان', 'ين']) out.add(bound(singular) + dual);
  withPossessives(bound(singular) + 'ا'); // the dual's construct: زيارتاه
  for (const plural of plurals) {
    withPossessives(plural);
    if (!plural.endsWith('ات') && !plural.endsWith('ه') && !plural.endsWith('ا') && !plural.endsWith('ي')) out.add(plural + 'ا');
  }
  return [...out];
}
