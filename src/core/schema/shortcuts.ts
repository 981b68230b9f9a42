// One-key shortcuts for types: a type keeps its preferred key when free, otherwise it takes the
// first free letter of its name, then of its label, then any free letter or digit.

const FALLBACK = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface ShortcutRequest {
  readonly name: string;
  readonly label: string;
  readonly preferred?: string;
}

/** Shortcuts by type name, in request order; a type gets none when all 36 keys are taken. */
export function assignShortcuts(types: readonly ShortcutRequest[]): Map<string, string | undefined> {
  const used = new Set<string>();
  const out = new Map<string, string | undefined>();
  // Preferred keys first, so a built-in type's key is not taken by a type listed before it.
  for (const t of types) {
    if (t.preferred && !used.has(t.preferred)) {
      used.add(t.preferred);
      out.set(t.name, t.preferred);
    }
  }
  for (const t of types) {
    if (out.has(t.name)) continue;
    const candidates = (t.name + t.label).toLowerCase() + FALLBACK;
    const key = [...candidates].find((c) => FALLBACK.includes(c) && !used.has(c));
    if (key) used.add(key);
    out.set(t.name, key);
  }
  return out;
}
