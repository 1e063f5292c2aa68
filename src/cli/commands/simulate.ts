import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';

export const SIMULATE_FORMATS = ['text', 'markdown', 'json'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

interface Flags {
  base?: string;
  baseDir?: string;
  overlay?: string;
  sessions?: string;
  sessionFormat?: string;
  format: string;
  out?: string;
  all: boolean;
  generate?: string;
  seed: string;
  month?: string;
  progress: boolean;
}

export const registerSimulate: RegisterCommand = (program: Command, ctx) => {
  program
    .command('simulate')
    .summary('replay recorded sessions through the base and the proposed campaigns')
    .description(
      'Builds the bundle at a git ref (--base) and at the working tree, replays recorded sessions (NDJSON or ' +
        'CSV, docs/simulate.md) through both engines in time order with their own redemption and budget counters, ' +
        'and reports per campaign: redemptions, discount, customers, when a limit ran out, the worst combined ' +
        'discount, and the base → head delta. With --generate, writes a seeded month of sample sessions instead.',
    )
    .option('--base <ref>', 'git ref to compare against (branch, tag or commit)')
    .option('--base-dir <dir>', 'a project folder as the base instead of a git ref')
    .option('--overlay <dir>', 'lay the files of this folder over the working tree for the head (try a change without editing)')
    .option('-s, --sessions <file>', 'recorded sessions: .ndjson (one JSON context per line) or .csv')
    .option('--session-format <format>', 'ndjson or csv, of --sessions or of what --generate writes (default: from the file extension)')
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('-o, --out <file>', 'also write the JSON result (what `promoc report --simulation` reads); with --generate, the sessions file')
    .option('--all', 'list campaigns whose results did not move too', false)
    .option('--no-progress', 'no progress output on stderr')
    .option('--generate <count>', 'write COUNT sample sessions to --out instead of simulating')
    .option('--seed <n>', 'seed for --generate', '1')
    .option('--month <YYYY-MM>', 'month for --generate (default: the month with the most campaigns running)')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc simulate --generate 100000 --seed 7 --out sessions.ndjson
  $ promoc simulate --generate 100000 --seed 7 --out sessions.csv
  $ promoc simulate --base origin/main --sessions sessions.ndjson
  $ promoc simulate --base HEAD --overlay proposal/ --sessions sessions.csv --out simulation.json
  $ promoc simulate --base origin/main --sessions sessions.ndjson --format markdown >> comment.md

Exit codes: 0 simulated (or generated), 1 a side does not build, the sessions cannot be read, or no
session could be evaluated, 64 bad invocation.`,
    )
    .action(async (opts: Flags) => {
      const format = checkFormat(opts.format);
      if (opts.generate !== undefined) {
        const count = positiveInt(opts.generate, '--generate');
        if (opts.out === undefined) throw new InvocationError('--generate needs --out FILE', 'Example: promoc simulate --generate 10000 --out sessions.ndjson');
        const month = opts.month === undefined ? undefined : monthStart(opts.month);
        const { runGenerate } = await import('../run/simulate.js');
        const sessionFormat = checkSessionFormat(opts.sessionFormat);
        ctx.setExitCode(
          await runGenerate(ctx.io, {
            count,
            seed: positiveInt(opts.seed, '--seed'),
            out: opts.out,
            ...(month !== undefined ? { month } : {}),
            ...(sessionFormat !== undefined ? { format: sessionFormat } : {}),
          }),
        );
        return;
      }
      if (opts.sessions === undefined)
        throw new InvocationError('missing --sessions FILE', 'Pass recorded sessions (NDJSON or CSV), or create sample ones with --generate N --out FILE.');
      if ((opts.base === undefined) === (opts.baseDir === undefined))
        throw new InvocationError(
          'give exactly one of --base REF and --base-dir DIR',
          'Example: promoc simulate --base origin/main --sessions sessions.ndjson',
        );
      const sessionFormat = checkSessionFormat(opts.sessionFormat);
      const { runSimulate } = await import('../run/simulate.js');
      ctx.setExitCode(
        await runSimulate(ctx.io, {
          sessions: opts.sessions,
          format,
          all: opts.all,
          progress: opts.progress,
          sides: {
            ...(opts.base !== undefined ? { base: opts.base } : {}),
            ...(opts.baseDir !== undefined ? { baseDir: opts.baseDir } : {}),
            ...(opts.overlay !== undefined ? { overlay: opts.overlay } : {}),
          },
          ...(sessionFormat !== undefined ? { sessionFormat } : {}),
          ...(opts.out !== undefined ? { out: opts.out } : {}),
        }),
      );
    });
};

function checkFormat(format: string): SimulateFormat {
  if (!(SIMULATE_FORMATS as readonly string[]).includes(format))
    throw new InvocationError(`unknown format "${format}"`, 'Use --format text, markdown or json.');
  return format as SimulateFormat;
}

function checkSessionFormat(format: string | undefined): 'ndjson' | 'csv' | undefined {
  if (format !== undefined && format !== 'ndjson' && format !== 'csv')
    throw new InvocationError(`unknown session format "${format}"`, 'Use --session-format ndjson or csv.');
  return format;
}

function positiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new InvocationError(`${flag} "${value}" is not a positive integer`, `Example: ${flag} 1000`);
  return Number(value);
}

function monthStart(value: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new InvocationError(`--month "${value}" is not YYYY-MM`, 'Example: --month 2027-07');
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
}
