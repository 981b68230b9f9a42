// Colours for types that have none: each type name picks a palette slot from a hash of the name,
// so a type keeps its colour when others are added or reordered; a taken slot passes to the next.

const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#76b7b2', '#b07aa1', '#edc948', '#e15759', '#ff9da7',
  '#9c755f', '#8cd17d', '#a0cbe8', '#ffbe7d', '#d4a6c8', '#86bcb6', '#f1ce63', '#d37295',
];

/** Colours for `names` that avoid the colours in `taken` while free ones remain. */
export function paletteColors(names: readonly string[], taken: Iterable<string>): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const name of names) {
    const first = hash(name) % PALETTE.length;
    let slot = first;
    for (let i = 0; i < PALETTE.length && used.has(PALETTE[slot]); i++) slot = (first + i + 1) % PALETTE.length;
    out.set(name, PALETTE[slot]);
    used.add(PALETTE[slot]);
  }
  return out;
}

/** FNV-1a over UTF-16 units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
