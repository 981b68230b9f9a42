// A bounded least-recently-used cache (Map keeps insertion order: the first key is the oldest).

export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private capacity: number) {}

  /** Raises the capacity to at least `n` entries. */
  reserve(n: number): void {
    this.capacity = Math.max(this.capacity, n);
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    // Order matters only for eviction: far from the capacity, a hit keeps its place (cheaper).
    if (value !== undefined && this.map.size * 4 > this.capacity * 3) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }
}
