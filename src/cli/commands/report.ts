import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';
import { readInstant } from '../../engine/instant.js';

interface Flags {
  base?: string;
  baseDir?: string;
  overlay?: string;
  plan: string[];
  simulation?: string;
  sessions?: string;
  format: string;
  out?: string;
  outDir?: string;
  html?: string;
  maxChars?: string;
  title?: string;
  at?: string;
  vehicleCategory?: string;
  branch?: string;
  coverage: boolean;
  detailsUrl?: string;
  now?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerReport: RegisterCommand = (program: Command, ctx) => {
  program
    .command('report')
    .summary('one PR comment (or HTML page) composing validate, lint, plan and simulate')
    .description(
      'Validates and lints the head, reads saved plans and a saved simulation (or simulates --sessions), ' +
        'compares with the base (--base REF or --base-dir DIR), and renders a Markdown pull-request comment: ' +
        'a summary on top, collapsible detail, a geojson map per changed geofence, a window timeline and a ' +
        'coverage matrix computed with the engine. Comments longer than GitHub allows are summarised and ' +
        'split into numbered parts. --format html writes a self-contained page with SVG charts and a map.',
    )
    .option('--base <ref>', 'git ref to compare against')
    .option('--base-dir <dir>', 'a project folder as the base instead of a git ref')
    .option('--overlay <dir>', 'lay the files of this folder over the working tree for the head')
    .option('--plan <file>', 'a plan saved by `promoc plan --out` (repeat for each target)', collect, [])
    .option('--simulation <file>', 'a simulation saved by `promoc simulate --out`')
    .option('--sessions <file>', 'simulate these sessions against the base instead of reading --simulation')
    .option('-f, --format <format>', 'markdown or html', 'markdown')
    .option('-o, --out <file>', 'write here (markdown: part 2 goes to FILE-2.md, …)')
    .option('--out-dir <dir>', 'markdown: write DIR/pr-comment-1.md, pr-comment-2.md, …')
    .option('--html <file>', 'also write the HTML report here')
    .option('--max-chars <n>', 'longest comment part (default 60000; GitHub allows 65535)')
    .option('--title <text>', 'heading of the report', 'promoc report')
    .option('--at <instant>', 'coverage matrix: evaluate at this RFC 3339 instant (default: when most campaigns run)')
    .option('--vehicle-category <category>', 'coverage matrix: vehicle category (default: the most targeted one)')
    .option('--branch <branch>', 'coverage matrix: branch (default: the most targeted one)')
    .option('--no-coverage', 'leave the coverage matrix out')
    .option('--details-url <url>', 'link to the full artefacts (e.g. the Actions run) in the footer')
    .option('--now <instant>', 'report as of this instant: upcoming launches and expiries, lint of windows (default the clock)')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc report --base origin/main --plan plan-staging.json --simulation simulation.json --out-dir comment/
  $ promoc report --base HEAD --format html --out out/report.html
  $ promoc report --base-dir ../main-checkout --sessions sessions.ndjson --out pr-comment.md --html report.html

Exit codes: 0 written, 1 a side does not build or an input file is unusable, 64 bad invocation.`,
    )
    .action(async (opts: Flags) => {
      if (opts.format !== 'markdown' && opts.format !== 'html')
        throw new InvocationError(`unknown format "${opts.format}"`, 'Use --format markdown or --format html.');
      if (opts.base !== undefined && opts.baseDir !== undefined) throw new InvocationError('give only one of --base and --base-dir');
      if (opts.sessions !== undefined && opts.simulation !== undefined) throw new InvocationError('give only one of --sessions and --simulation');
      if (opts.sessions !== undefined && opts.base === undefined && opts.baseDir === undefined)
        throw new InvocationError('--sessions needs a base to compare with', 'Add --base REF (or --base-dir DIR).');
      if (opts.format === 'html' && opts.outDir !== undefined)
        throw new InvocationError('--out-dir is for markdown parts', 'Use --out FILE with --format html.');
      const maxChars = opts.maxChars === undefined ? undefined : Number(opts.maxChars);
      if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 2000 || maxChars > 65_535))
        throw new InvocationError(`--max-chars "${opts.maxChars}" must be an integer from 2000 to 65535`);
      const at = opts.at === undefined ? undefined : readInstant(opts.at);
      if (at !== undefined && typeof at !== 'number') throw new InvocationError(`--at: ${at.error}`, 'Example: --at 2027-07-10T09:30:00Z');
      const { runReport } = await import('../run/report.js');
      const { nowFrom } = await import('../now.js');
      const now = nowFrom(opts.now);
      ctx.setExitCode(
        await runReport(ctx.io, {
          sides: {
            ...(opts.base !== undefined ? { base: opts.base } : {}),
            ...(opts.baseDir !== undefined ? { baseDir: opts.baseDir } : {}),
            ...(opts.overlay !== undefined ? { overlay: opts.overlay } : {}),
          },
          plans: opts.plan,
          format: opts.format,
          now: now.getTime(),
          coverage: opts.coverage
            ? {
                ...(at !== undefined ? { at } : {}),
                ...(opts.vehicleCategory ? { category: opts.vehicleCategory } : {}),
                ...(opts.branch ? { branch: opts.branch } : {}),
              }
            : false,
          ...(opts.simulation !== undefined ? { simulation: opts.simulation } : {}),
          ...(opts.sessions !== undefined ? { sessions: opts.sessions } : {}),
          ...(opts.out !== undefined ? { out: opts.out } : {}),
          ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}),
          ...(opts.html !== undefined ? { html: opts.html } : {}),
          ...(maxChars !== undefined ? { maxChars } : {}),
          ...(opts.title !== undefined ? { title: opts.title } : {}),
          ...(opts.detailsUrl !== undefined ? { detailsUrl: opts.detailsUrl } : {}),
        }),
      );
    });
};
