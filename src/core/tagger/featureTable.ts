// Feature hash → feature index, an open-addressing table over typed arrays (faster than a Map
// for the few dozen look-ups each token needs). Index -1: the feature is not in the model.

export class FeatureTable {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  /** `hashes[i]` is the hash of feature i (distinct). */
  constructor(readonly hashes: Uint32Array) {
    let capacity = 16;
    while (capacity < hashes.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    hashes.forEach((h, i) => {
      let slot = h & this.mask;
      while (this.values[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.values[slot] = i;
    });
  }

  get size(): number {
    return this.hashes.length;
  }

  get(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const v = this.values[slot];
      if (v === -1 || this.keys[slot] === hash) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}
