// The journal's records (one JSON object per line) and the pure replay that turns them back into "where the
// run got to". The first record carries the whole call graph, so `--resume` finishes the run the journal
// describes, not a new plan.
import type { CallGraph } from './call-graph.js';
import { PromocError } from '../model/errors.js';

export const JOURNAL_FORMAT = 'promoc-journal/v1' as const;

export type JournalRecord =
  | {
      readonly type: 'run';
      readonly format: typeof JOURNAL_FORMAT;
      readonly run: string;
      readonly target: string;
      readonly at: string;
      readonly pid: number;
      readonly host: string;
      readonly promocVersion: string;
      readonly graph: CallGraph;
    }
  | { readonly type: 'resume'; readonly at: string; readonly pid: number; readonly host: string }
  | { readonly type: 'start'; readonly step: string; readonly attempt: number; readonly at: string }
  | { readonly type: 'done'; readonly step: string; readonly at: string; readonly status?: number; readonly liveId?: string }
  | { readonly type: 'uncertain'; readonly step: string; readonly at: string; readonly error: string }
  | { readonly type: 'fail'; readonly step: string; readonly at: string; readonly error: string; readonly hint?: string }
  | { readonly type: 'skip'; readonly step: string; readonly at: string; readonly reason: string }
  | {
      readonly type: 'reconcile';
      readonly step: string;
      readonly at: string;
      readonly outcome: 'done' | 'retry' | 'failed';
      readonly liveId?: string;
      readonly detail?: string;
    }
  | {
      readonly type: 'verify';
      readonly at: string;
      readonly converged: number;
      readonly diverged: readonly { readonly resource: string; readonly message: string }[];
    }
  | { readonly type: 'end'; readonly at: string; readonly outcome: 'ok' | 'failed' };

export type RunHeader = Extract<JournalRecord, { type: 'run' }>;

/** Where a run got to, from its records. */
export interface Replay {
  readonly header: RunHeader;
  /** Steps that finished, with the live id a create answered. */
  readonly done: ReadonlyMap<string, { readonly liveId?: string }>;
  /** Steps that were sent (or may have been) without a recorded success: check live state before resending. */
  readonly started: ReadonlySet<string>;
  readonly ended: boolean;
  /** The last line was cut short (the process died while writing it); it is ignored. */
  readonly torn: boolean;
}

export class JournalError extends PromocError {
  override readonly name = 'JournalError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

const damaged = (file: string, i: number, what: string): JournalError =>
  new JournalError(`${file}:${i + 1} is not a journal record: ${what}`, 'The journal is damaged; check live state with `promoc plan` and apply again.');

const STEP_RECORDS = new Set(['start', 'done', 'uncertain', 'fail', 'skip', 'reconcile']);
const OTHER_RECORDS = new Set(['run', 'resume', 'verify', 'end']);

/**
 * What makes a parsed line unusable, if anything. The replay trusts the fields it reads: a record's
 * type, a step record's step, and the run record's call graph, which `--resume` carries out.
 */
function recordProblem(r: unknown, first: boolean): string | undefined {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return 'not an object';
  const o = r as Record<string, unknown>;
  if (typeof o.type !== 'string' || !(STEP_RECORDS.has(o.type) || OTHER_RECORDS.has(o.type)))
    return `unknown record type ${JSON.stringify(o.type) ?? 'undefined'}`;
  if (STEP_RECORDS.has(o.type) && typeof o.step !== 'string') return `a ${o.type} record without a step`;
  if (o.type === 'run' && first && o.format === JOURNAL_FORMAT) {
    const g = o.graph as Record<string, unknown> | null | undefined;
    if (typeof g !== 'object' || g === null || !Array.isArray(g.steps) || !Array.isArray(g.resources) || !Array.isArray(g.untouched))
      return 'the run record has no call graph';
  }
  return undefined;
}

export function parseJournal(text: string, file: string): Replay {
  const lines = text.split('\n');
  // Appends end with '\n': anything after the last one was cut short by a crash.
  const tail = lines.pop() ?? '';
  const torn = tail.trim() !== '';
  const records: JournalRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw damaged(file, i, 'is not JSON');
    }
    const problem = recordProblem(record, records.length === 0);
    if (problem !== undefined) throw damaged(file, i, problem);
    records.push(record as JournalRecord);
  });
  const header = records[0];
  if (header?.type !== 'run' || header.format !== JOURNAL_FORMAT) {
    throw new JournalError(
      `${file} is not a ${JOURNAL_FORMAT} journal`,
      'Journals are written by `promoc apply`; resume with the promoc version that wrote it.',
    );
  }
  const done = new Map<string, { liveId?: string }>();
  const started = new Set<string>();
  let ended = false;
  for (const r of records) {
    if (r.type === 'start' || r.type === 'uncertain' || r.type === 'fail') started.add(r.step);
    else if (r.type === 'done' || (r.type === 'reconcile' && r.outcome === 'done')) {
      done.set(r.step, r.liveId !== undefined ? { liveId: r.liveId } : {});
      started.delete(r.step);
    } else if (r.type === 'end') ended = true;
    else if (r.type === 'resume') ended = false;
  }
  return { header, done, started, ended, torn };
}
