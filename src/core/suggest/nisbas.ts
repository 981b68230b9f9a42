// Nisba adjectives (عراقي → العراقية، عراقيون، الأميركيين…): their inflected forms and their shape, in matching form.

import { isDefinite } from './words';

/**
 * Endings of the adjective forms: masculine, feminine (ة is ه in matching form), duals, feminine
 * plural. Not the indefinite accusative …يا (فلسطينيا): it spells countries (سوريا، روسيا، تركيا).
 */
const ADJECTIVE_ENDINGS = ['ي', 'يه', 'يان', 'يين', 'يتان', 'يتين', 'يات'];
/** Endings of the plural forms that name people (يين is also the oblique dual: both read as NORP). */
const PEOPLE_ENDINGS = ['يون', 'يين', 'يو', 'يي'];

/** `base`: a matching-normalized masculine singular nisba ending in ي. */
export function nisbaForms(base: string, peopleOnly: boolean): string[] {
  const stem = base.slice(0, -1);
  const endings = peopleOnly ? PEOPLE_ENDINGS : [...new Set([...ADJECTIVE_ENDINGS, ...PEOPLE_ENDINGS])];
  return endings.flatMap((e) => [stem + e, 'ال' + stem + e]);
}

/** A definite adjective of the nisba pattern, in matching form: ال…ي or ال…ية. */
export function isNisbaLike(form: string): boolean {
  return isDefinite(form) && form.length >= 5 && (form.endsWith('ي') || form.endsWith('يه'));
}
