// 32-bit hashes of feature names: a string hash (FNV-1a) and a mix of two hashes, so that a
// window feature ("the word two to the left is X") costs one integer operation on X's hash.

export function hashString(s: string, seed = 0x811c9dc5): number {
  return hashRange(s, 0, s.length, seed);
}

/**
 * The hash of s[from, to) continuing from `seed`: hashRange(s, from, to, hashString(p)) equals
 * hashString(p + s.slice(from, to)), so a feature name's hash needs no string built.
 */
export function hashRange(s: string, from: number, to: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A hash of the pair (a, b); order matters. */
export function mixHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
