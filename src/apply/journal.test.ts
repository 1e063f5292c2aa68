import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FORMAT, JournalError, parseJournal, type JournalRecord } from './journal-records.js';
import { JournalWriter, latestUnfinished, newRunId, readJournal } from './journal.js';
import { CALLS_FORMAT } from './call-graph.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promoc-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = (run: string): JournalRecord => ({
  type: 'run',
  format: JOURNAL_FORMAT,
  run,
  target: 'local',
  at: '2027-01-15T10:00:00Z',
  pid: 1,
  host: 'h',
  promocVersion: 't',
  graph: { format: CALLS_FORMAT, target: 'local', planFingerprint: 'f', planCreatedAt: 'c', resources: [], steps: [], untouched: [] },
});
const at = '2027-01-15T10:00:01Z';

describe('journal', () => {
  it('writes every concurrent append, in order, one record per line, scrubbing secrets', async () => {
    const file = join(dir, 'r.ndjson');
    const w = await JournalWriter.create(file, header('r'), (t) => t.replaceAll('s3cret-key', '[redacted]'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => w.append({ type: 'start', step: `s${i}`, attempt: 1, at })));
    await w.append({ type: 'fail', step: 's1', at, error: 'refused key s3cret-key' });
    await w.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(203);
    expect(lines.slice(1, 201).map((l) => (JSON.parse(l) as { step: string }).step)).toEqual(Array.from({ length: 200 }, (_, i) => `s${i}`));
    expect(lines[201]).toContain('refused key [redacted]');
    await expect(JournalWriter.create(file, header('r'))).rejects.toThrow(/EEXIST/);
  });

  it('replays where a killed run got to and ignores a line cut short', async () => {
    const file = join(dir, 'r.ndjson');
    const w = await JournalWriter.create(file, header('r'));
    for (const r of [
      { type: 'start', step: 's1', attempt: 1, at },
      { type: 'done', step: 's1', at, liveId: 'id-1' },
      { type: 'start', step: 's2', attempt: 1, at },
      { type: 'uncertain', step: 's2', at, error: 'lost' },
      { type: 'start', step: 's3', attempt: 1, at },
    ] as JournalRecord[])
      await w.append(r);
    await w.close();
    await appendFile(file, '{"type":"done","step":"s3","a');
    const replay = await readJournal(file);
    expect(replay).toMatchObject({ ended: false, torn: true });
    expect([...replay.done]).toEqual([['s1', { liveId: 'id-1' }]]);
    expect([...replay.started].sort()).toEqual(['s2', 's3']);
    const again = await JournalWriter.reopen(file, true);
    await again.append({ type: 'resume', at, pid: 2, host: 'h' });
    await again.append({ type: 'reconcile', step: 's2', at, outcome: 'done', liveId: 'id-2' });
    await again.append({ type: 'end', at, outcome: 'ok' });
    await again.close();
    const finished = await readJournal(file);
    expect(finished).toMatchObject({ ended: true, torn: false });
    expect(finished.done.get('s2')).toEqual({ liveId: 'id-2' });
  });

  it('finds the newest unfinished run, and refuses what is not a journal', async () => {
    for (const [run, ended] of [
      ['20270101T000000Z-aaaaaa', false],
      ['20270102T000000Z-bbbbbb', false],
      ['20270103T000000Z-cccccc', true],
    ] as const) {
      const w = await JournalWriter.create(join(dir, `${run}.ndjson`), header(run));
      if (ended) await w.append({ type: 'end', at, outcome: 'ok' });
      await w.close();
    }
    expect((await latestUnfinished(dir))?.replay.header.run).toBe('20270102T000000Z-bbbbbb');
    expect(await latestUnfinished(join(dir, 'none'))).toBeUndefined();
    await writeFile(join(dir, 'x.ndjson'), '{"type":"start"}\n');
    expect(() => parseJournal('{"type":"start"}\n', 'x.ndjson')).toThrow(JournalError);
    expect(newRunId(new Date('2027-01-15T10:00:00.123Z'), () => 0.5)).toBe('20270115T100000Z-7fffff');
  });

  it.each([
    ['null', 'not an object'],
    ['[1]', 'not an object'],
    ['{"type":"explode","at":"x"}', 'unknown record type "explode"'],
    ['{"type":"done","at":"x"}', 'a done record without a step'],
    ['{"type":"start","step":7,"attempt":1,"at":"x"}', 'a start record without a step'],
  ])('refuses the damaged record %s, naming its line', (line, problem) => {
    const text = `${JSON.stringify(header('d'))}\n${JSON.stringify({ type: 'start', step: 's1', attempt: 1, at })}\n${line}\n`;
    expect(() => parseJournal(text, 'runs/d.ndjson')).toThrow(`runs/d.ndjson:3 is not a journal record: ${problem}`);
  });

  it('refuses a run record without its call graph, which --resume would carry out', () => {
    expect(() => parseJournal(`${JSON.stringify({ ...header('g'), graph: { steps: null } })}\n`, 'g.ndjson')).toThrow(
      'g.ndjson:1 is not a journal record: the run record has no call graph',
    );
  });
});
