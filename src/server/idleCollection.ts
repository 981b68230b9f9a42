// Emptying V8's young generation while the server is idle. Suggesting an article the server has
// not seen allocates about 5 MB (the sample article, 1,000 tokens), and whenever the young
// generation fills up in the middle of it, V8 stops to scavenge what survives there: 4 to 9 ms on
// this project's 2-core machines, in about a third of such first sights. Browsers collect in idle
// time; Node has no idle time, so the server makes some: once nothing has happened for a moment,
// it collects the young generation if it is a quarter full or more (a millisecond or two, since
// most of it is garbage by then), and the next article starts with room to allocate.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** V8's gc(): a full collection, or with `{ type: 'minor' }` the young generation only. */
type Collect = (options?: { type: 'minor' }) => void;

let collect: Collect | undefined;

/**
 * V8's own collector. Node exposes it only with --expose-gc; the flag is set for as long as a new
 * context takes to hand it out (as jest-leak-detector does), so the server needs no launch flag
 * and the global scope gets no `gc`.
 */
export function garbageCollector(): Collect {
  if (!collect) {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (exposed) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      try {
        collect = vm.runInNewContext('gc') as Collect;
      } finally {
        v8.setFlagsFromString('--no-expose-gc');
      }
    }
  }
  return collect;
}

/** Bytes in use in the young generation, and how many it holds before V8 collects it. */
export function youngGeneration(): { used: number; capacity: number } {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  // space_size counts both semi-spaces; what is used and still available make the one allocated in.
  return { used: space?.space_used_size ?? 0, capacity: (space?.space_used_size ?? 0) + (space?.space_available_size ?? 0) };
}

/** Collects the young generation when it is at least a quarter full; true if it did. */
export function collectYoungGeneration(): boolean {
  const { used, capacity } = youngGeneration();
  if (used * 4 < capacity) return false;
  garbageCollector()({ type: 'minor' });
  return true;
}

/** Milliseconds without work after which the server counts as idle. */
export const IDLE_MS = 250;

export interface IdleCollectorOptions {
  readonly collect?: () => void;
  readonly idleMs?: number;
  /** Told once if collecting fails (a runtime that will not hand out its collector); nothing is collected after. */
  readonly onFailure?: (error: Error) => void;
}

/** Calls `collect` once no work has been reported for `idleMs`. */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private failed = false;

  constructor(private readonly options: IdleCollectorOptions = {}) {}

  /** Work just ended: collect once the server has been idle since. */
  workDone(): void {
    if (this.failed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        (this.options.collect ?? collectYoungGeneration)();
      } catch (e) {
        this.failed = true;
        this.options.onFailure?.(e as Error);
      }
    }, this.options.idleMs ?? IDLE_MS);
    // An idle collection never keeps the process alive.
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
