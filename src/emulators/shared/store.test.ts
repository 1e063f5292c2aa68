import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.js';

interface Counter {
  n: number;
  items: string[];
}
const options = (file?: string) => ({
  file,
  initial: (): Counter => ({ n: 0, items: [] }),
  upgrade: (loaded: unknown) => loaded as Counter,
});

describe('Store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'promoc-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('group-commits concurrent mutations and loses none', async () => {
    const file = join(dir, 'state.json');
    const store = new Store(options(file));
    await store.load();
    const before = store.writes;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        store.state.n++;
        store.state.items.push(`x${i}`);
        return store.commit();
      }),
    );
    expect(store.writes - before).toBeLessThan(10);
    const again = new Store(options(file));
    await again.load();
    expect(again.state.n).toBe(200);
    expect(again.state.items).toHaveLength(200);
  });

  it('refuses a corrupt file instead of wiping it', async () => {
    const file = join(dir, 'state.json');
    await writeFile(file, '{"n": 1, "ite');
    await expect(new Store(options(file)).load()).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{"n": 1, "ite');
  });

  it('keeps state in memory without a file and restores snapshots', async () => {
    const store = new Store(options());
    await store.load();
    store.state.n = 5;
    const snap = store.snapshot();
    store.state.n = 6;
    await store.restore(snap);
    expect(store.state.n).toBe(5);
    await store.reset();
    expect(store.state.n).toBe(0);
  });
});
