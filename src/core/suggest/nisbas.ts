// Inflected forms of a nisba adjective (عراقي → العراقية، عراقيون، الأميركيين…), in matching form.

/** Endings of the adjective forms: masculine, feminine (ة is ه in matching form), duals, feminine plural. */
const ADJECTIVE_ENDINGS = ['ي', 'يه', 'يان', 'يين', 'يتان', 'يتين', 'يات'];
/** Endings of the plural forms that name people (يين is also the oblique dual: both read as NORP). */
const PEOPLE_ENDINGS = ['يون', 'يين', 'يو', 'يي'];

/** `base`: a matching-normalized masculine singular nisba ending in ي. */
export function nisbaForms(base: string, peopleOnly: boolean): string[] {
  const stem = base.slice(0, -1);
  const endings = peopleOnly ? PEOPLE_ENDINGS : [...new Set([...ADJECTIVE_ENDINGS, ...PEOPLE_ENDINGS])];
  return endings.flatMap((e) => [stem + e, 'ال' + stem + e]);
}
