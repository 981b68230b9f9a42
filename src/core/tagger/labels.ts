// The label set of a BIO tagger: O, then B-T and I-T for each entity type T. An I-T may only
// follow B-T or I-T; decoding and probabilities respect that, so every output is a valid chunking.

export const OUTSIDE = 'O';

export class LabelSet {
  readonly labels: readonly string[];
  /** typeOf[y]: index into `types` of label y, -1 for O. */
  readonly typeOf: Int32Array;
  /** isInside[y]: label y is an I- label. */
  readonly isInside: Uint8Array;
  /** allowed[i * L + j]: label j may follow label i. */
  readonly allowed: Uint8Array;
  /** allowedFirst[j]: label j may start a sentence. */
  readonly allowedFirst: Uint8Array;
  private readonly index = new Map<string, number>();

  constructor(readonly types: readonly string[]) {
    this.labels = [OUTSIDE, ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
    const L = this.labels.length;
    this.typeOf = new Int32Array(L).fill(-1);
    this.isInside = new Uint8Array(L);
    this.labels.forEach((l, y) => {
      this.index.set(l, y);
      if (y > 0) {
        this.typeOf[y] = (y - 1) >> 1;
        this.isInside[y] = (y - 1) & 1;
      }
    });
    this.allowed = new Uint8Array(L * L);
    this.allowedFirst = new Uint8Array(L);
    for (let j = 0; j < L; j++) {
      this.allowedFirst[j] = this.isInside[j] ? 0 : 1;
      for (let i = 0; i < L; i++) {
        this.allowed[i * L + j] = !this.isInside[j] || (this.typeOf[i] === this.typeOf[j] && i !== 0) ? 1 : 0;
      }
    }
  }

  get size(): number {
    return this.labels.length;
  }

  /** The index of a label; undefined for a label outside the set. */
  indexOf(label: string): number | undefined {
    return this.index.get(label);
  }

  begin(type: number): number {
    return 1 + 2 * type;
  }

  inside(type: number): number {
    return 2 + 2 * type;
  }

  /** The label set of every type named in BIO labels (B-X, I-X, or a bare X as in IOB1 data), sorted. */
  static fromLabels(labels: Iterable<string>): LabelSet {
    const types = new Set<string>();
    for (const l of labels) {
      const t = typeOfLabel(l);
      if (t !== undefined) types.add(t);
    }
    return new LabelSet([...types].sort());
  }
}

/** The type of a BIO label (B-X, I-X, E-X, S-X or X), undefined for O. */
export function typeOfLabel(label: string): string | undefined {
  if (label === OUTSIDE) return undefined;
  return /^[BIES]-./.test(label) ? label.slice(2) : label;
}

/** Rewrites labels as IOB2: a chunk always starts with B- (I-X after O or another type becomes B-X). */
export function toIob2(labels: readonly string[]): string[] {
  let previous: string | undefined;
  return labels.map((l) => {
    const type = typeOfLabel(l);
    const continues = type !== undefined && previous === type && !l.startsWith('B-') && !l.startsWith('S-');
    previous = type;
    return type === undefined ? OUTSIDE : `${continues ? 'I' : 'B'}-${type}`;
  });
}
