// Progress while apply runs: a bar redrawn in place on a terminal, plain lines in CI (every tenth of the
// way, and every failure as it happens). Written to stderr so stdout stays the report.
import pc from 'picocolors';
import type { ExecuteEvent } from './execute.js';
import { describeResource, type CallGraph } from './call-graph.js';

export interface ProgressOutput {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly color: boolean;
  /** Milliseconds; redraws are throttled on it. */
  now(): number;
}

export interface Progress {
  onEvent(e: ExecuteEvent): void;
  finish(): void;
}

const WIDTH = 28;

export function progressReporter(out: ProgressOutput, graph: CallGraph, alreadyDone = 0): Progress {
  const c = pc.createColors(out.color);
  const total = graph.steps.length;
  let settled = alreadyDone;
  let failed = 0;
  let rechecks = 0;
  let lastDraw = -Infinity;
  let lastTenth = Math.floor((settled / Math.max(1, total)) * 10);
  const bar = (): string => {
    const filled = Math.round((settled / Math.max(1, total)) * WIDTH);
    return (
      `${c.cyan('█'.repeat(filled))}${c.dim('░'.repeat(WIDTH - filled))} ${settled}/${total} calls` +
      `${failed > 0 ? c.red(` · ${failed} failed`) : ''}${rechecks > 0 ? c.dim(` · ${rechecks} rechecked`) : ''}`
    );
  };
  const draw = (force: boolean): void => {
    if (!out.isTTY) return;
    const t = out.now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    out.write(`\r\x1b[2K${bar()}`);
  };
  const line = (text: string): void => {
    if (out.isTTY) out.write(`\r\x1b[2K${text}\n`);
    else out.write(`${text}\n`);
    draw(true);
  };
  return {
    onEvent(e) {
      if (e.type === 'reconcile') {
        rechecks += e.steps;
        if (!out.isTTY) line(`apply: reading ${e.provider} to settle ${e.steps} call${e.steps === 1 ? '' : 's'} whose answer was lost`);
        return;
      }
      if (e.state !== 'done' && e.state !== 'failed' && e.state !== 'skipped') return;
      settled += 1;
      const r = graph.resources[e.step.resource]!;
      if (e.state === 'failed') {
        failed += 1;
        line(`${c.red('✖')} ${e.step.id} ${e.step.op} ${describeResource(r)}: ${e.error ?? 'failed'}`);
      }
      const tenth = Math.floor((settled / Math.max(1, total)) * 10);
      // Small runs get no progress lines in CI: the report lists every call anyway.
      if (!out.isTTY && total >= 50 && tenth > lastTenth) {
        lastTenth = tenth;
        line(`apply: ${settled}/${total} calls settled${failed > 0 ? `, ${failed} failed` : ''}`);
      }
      draw(false);
    },
    finish() {
      if (out.isTTY) out.write(`\r\x1b[2K${bar()}\n`);
    },
  };
}
