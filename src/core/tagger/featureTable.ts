// Feature hash → feature index, an open-addressing table over typed arrays (faster than a Map
// for the few dozen look-ups each token needs). Index -1: the feature is not in the model.

export class FeatureTable {
  /** Slot s holds a hash at 2s and its feature index at 2s + 1 (side by side: one cache line per probe). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `hashes[i]` is the hash of feature i (distinct). */
  constructor(readonly hashes: Uint32Array) {
    let capacity = 16;
    while (capacity < hashes.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(2 * capacity).fill(-1);
    hashes.forEach((h, i) => {
      let slot = h & this.mask;
      while (this.slots[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = i;
    });
  }

  get size(): number {
    return this.hashes.length;
  }

  get(hash: number): number {
    const key = hash | 0;
    let slot = hash & this.mask;
    for (;;) {
      const v = this.slots[2 * slot + 1];
      if (v === -1 || this.slots[2 * slot] === key) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}
