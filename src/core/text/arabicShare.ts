// How much of a text is Arabic script: plain-text files that are mostly Arabic are articles.

const SAMPLE = 20_000;

/** Share of Arabic letters among all letters of the first 20,000 characters. */
export function arabicShare(text: string): number {
  let arabic = 0;
  let letters = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfefc)) {
      arabic++;
      letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f)) {
      letters++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}

export function isMostlyArabic(text: string): boolean {
  return arabicShare(text) > 0.5;
}
