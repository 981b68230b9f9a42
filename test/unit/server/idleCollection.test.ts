import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { collectYoungGeneration, IdleCollector, youngGeneration } from '../../../src/server/idleCollection';
import { eventually, LspHarness, REPO } from './lspHarness';

const SAMPLE = fs.readFileSync(path.join(REPO, 'samples', 'kadhimi-washington.txt'), 'utf8');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Allocates short-lived objects until the young generation is at least half full. */
function fillYoungGeneration(): void {
  let sink = 0;
  for (let i = 0; i < 1e7; i++) {
    sink += [i, i + 1, i + 2].length;
    if (i % 1000 === 0 && youngGeneration().used * 2 >= youngGeneration().capacity) break;
  }
  assert.ok(sink > 0);
  assert.ok(youngGeneration().used * 2 >= youngGeneration().capacity, 'could not fill the young generation');
}

/** The collections that the process asked for (not V8's own), as they happen. */
function forcedCollections(): { readonly kinds: number[]; stop(): void } {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind: number; flags: number } })[]) {
      if (entry.detail && entry.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) kinds.push(entry.detail.kind);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { kinds, stop: () => observer.disconnect() };
}

describe('collecting the young generation while idle', function () {
  this.timeout(20000);

  it('empties a young generation that is half full, and leaves one under a quarter full alone', () => {
    fillYoungGeneration();
    const before = youngGeneration().used;
    assert.equal(collectYoungGeneration(), true);
    assert.ok(youngGeneration().used < before / 2, `${youngGeneration().used} bytes left of ${before}`);
    assert.equal(collectYoungGeneration(), false);
  });

  it('collects once no work has been reported for a while, and once only', async () => {
    let collections = 0;
    const idle = new IdleCollector({ collect: () => collections++, idleMs: 100 });
    idle.workDone();
    const checked = pause(80).then(() => collections);
    await pause(40);
    idle.workDone();
    assert.equal(await checked, 0, 'collected while work was still being reported');
    await eventually(() => collections === 1);
    await pause(250);
    assert.equal(collections, 1);
  });

  it('collects nothing once disposed', async () => {
    let collections = 0;
    const idle = new IdleCollector({ collect: () => collections++, idleMs: 20 });
    idle.workDone();
    idle.dispose();
    await pause(200);
    assert.equal(collections, 0);
  });

  it('says once that collecting failed, and does not try again', async () => {
    let tries = 0;
    const failures: string[] = [];
    const idle = new IdleCollector({
      collect: () => {
        tries++;
        throw new Error('no collector in this runtime');
      },
      idleMs: 10,
      onFailure: (e) => failures.push(e.message),
    });
    idle.workDone();
    await eventually(() => failures.length > 0);
    idle.workDone();
    await pause(100);
    assert.deepEqual(failures, ['no collector in this runtime']);
    assert.equal(tries, 1);
  });

  describe('in the server', () => {
    let dir: string;
    let lsp: LspHarness | undefined;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-idle-'));
    });
    afterEach(() => {
      lsp?.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('collects the young generation once an article has been suggested and nothing else happens', async () => {
      lsp = await LspHarness.start(dir, {}, path.join(REPO, 'models'));
      const article = path.join(dir, 'article.txt');
      fs.writeFileSync(article, SAMPLE);
      const observed = forcedCollections();
      try {
        const state = await lsp.open(article, SAMPLE);
        assert.ok(state.items.length > 0);
        // What the article left in the young generation, and more: the idle collection must find it at least a quarter full.
        fillYoungGeneration();
        await eventually(() => observed.kinds.length > 0, 5000);
        // Only minor ones: a full collection would stop the server far longer.
        assert.deepEqual(new Set(observed.kinds), new Set([constants.NODE_PERFORMANCE_GC_MINOR]));
      } finally {
        observed.stop();
      }
    });
  });
});
