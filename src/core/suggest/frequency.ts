// How common a word is in ordinary Arabic text: its rank in data/frequency/frequent-words.txt
// (most frequent first). That list keys words the way its source (the clusters of shared/data)
// did: the first matching proclitic below removed if two letters remain, so look-ups do the same.

const LIST_PROCLITICS = ['وبال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];
const FIRST_LETTERS = new Set(LIST_PROCLITICS.map((p) => p[0]));

/** The list's key of a matching-normalized word. */
export function frequencyKey(form: string): string {
  if (!FIRST_LETTERS.has(form[0])) return form;
  for (const p of LIST_PROCLITICS) {
    if (form.startsWith(p) && form.length - p.length >= 2) return form.slice(p.length);
  }
  return form;
}

export class WordFrequency {
  private readonly ranks = new Map<string, number>();

  /** `forms`: list keys, most frequent first. */
  constructor(forms: readonly string[]) {
    forms.forEach((f, i) => {
      if (!this.ranks.has(f)) this.ranks.set(f, i);
    });
  }

  /** 0 for the most frequent word; Infinity for a word outside the list. */
  rank(form: string): number {
    return this.ranks.get(frequencyKey(form)) ?? Infinity;
  }
}
