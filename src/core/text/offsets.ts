// Offset units: VS Code, LSP and the annotation store count UTF-16 code units; brat and Prodigy
// count Unicode code points. The two agree until a character outside the BMP (an emoji) appears.

/** Converts offsets of one text between UTF-16 units and code points in O(log n) each. */
export class OffsetConverter {
  /** UTF-16 offsets of the low surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.astral.push(++i);
      }
    }
  }

  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /** Code-point offset of a UTF-16 offset (one inside a surrogate pair counts as after the character). */
  toCodePoint(utf16: number): number {
    return utf16 - countAtMost(this.astral, utf16 - 1);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    // Count the astral characters that start before `codePoint`: the j-th starts at code point
    // astral[j] - 1 - j, which grows with j.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - 1 - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /** True when a UTF-16 offset falls between the two halves of a surrogate pair. */
  isInsidePair(utf16: number): boolean {
    return countAtMost(this.astral, utf16) > countAtMost(this.astral, utf16 - 1);
  }
}

/** Number of entries of the ascending array `xs` that are <= x. */
function countAtMost(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
