// `promoc lint [paths…]`: load the campaigns, run the lint stage, print or write one or more reports.
// `-o` writes the output of the `-f` just before it, so `-f sarif -o lint.sarif -f stylish` writes SARIF
// to a file and prints the stylish report. The exit code follows --fail-severity and --max-warnings.
import type { Command } from 'commander';
import { EXIT, type CliContext, type RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';
import { promocVersion } from '../../load/version.js';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { LoadResult } from '../../load/project.js';
import { parseSeverity } from '../../model/severity.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailLevel = Severity | 'none';

interface Report {
  format: Format;
  output?: string;
}

interface LintFlags {
  failSeverity: string;
  maxWarnings: string;
  rule: string[];
  now?: string;
  cache: boolean;
  frames: boolean;
}

export const registerLint: RegisterCommand = (program: Command, ctx) => {
  const reports: Report[] = [];
  program
    .command('lint')
    .summary('find stacking conflicts, geofence overlaps and campaign mistakes')
    .description(
      'Validate the campaigns, then check how they interact: campaigns that shadow or ' +
        'tie with each other, stacked discounts reaching 100%, overlapping geofences ' +
        'and surcharges, and sanity problems. Rules and their docs: docs/rules/.',
    )
    .argument('[paths...]', 'files or folders (default: the campaigns globs in promoc.config.yaml)')
    .option('-f, --format <format>', `report format, repeatable: ${FORMATS.join(', ')} (default stylish)`, (value: string) => {
      if (!(FORMATS as readonly string[]).includes(value)) throw new InvocationError(`unknown format "${value}"`, `Use one of: ${FORMATS.join(', ')}.`);
      reports.push({ format: value as Format });
      return value;
    })
    .option('-o, --output <file>', 'write the report of the preceding -f to this file instead of stdout', (value: string) => {
      const last = reports.at(-1);
      if (!last || last.output !== undefined) reports.push({ format: 'stylish', output: value });
      else last.output = value;
      return value;
    })
    .option('--fail-severity <level>', `lowest severity that fails the run: ${FAIL_LEVELS.join(', ')}`, 'error')
    .option('--max-warnings <n>', 'fail when there are more warnings than this (-1: no limit)', '-1')
    .option(
      '--rule <id=severity>',
      "override a rule's severity (error, warning, info, off; warn is read as warning); repeatable",
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--now <date>', 'evaluate expiry as of this date (default: now), for reproducible reports')
    .option('--no-cache', 'ignore and do not update the validation cache')
    .option('--no-frames', 'omit code frames in stylish output')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc lint
  $ promoc lint campaigns/mobility --rule stacking/exclusive-overlap=off
  $ promoc lint -f sarif -o lint.sarif -f stylish
  $ promoc lint -f github --fail-severity warning

Suppress one finding on the next line, with a reason (and optionally an expiry):
  # promoc-disable-next-line stacking/ambiguous-order -- tie is intended until 2027-01-31

Exit codes: 0 nothing at or above --fail-severity and warnings within --max-warnings, 1 otherwise, 64 bad invocation.`,
    )
    .action(async (paths: string[], flags: LintFlags) => {
      ctx.setExitCode(await runLintCommand(ctx, paths, reports.length > 0 ? reports : [{ format: 'stylish' }], flags));
    });
};

async function runLintCommand(ctx: CliContext, paths: string[], reports: readonly Report[], flags: LintFlags): Promise<number> {
  const failAt = parseFailLevel(flags.failSeverity);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const overrides = parseRuleFlags(flags.rule);
  const now = flags.now === undefined ? new Date() : parseNow(flags.now);
  const [{ loadProject }, { runLintReleasing }, { optionsFromConfig }, { writeReports }] = await Promise.all([
    import('../../load/project.js'),
    import('../../lint/runner.js'),
    import('../../lint/settings.js'),
    import('../write-lint-output.js'),
  ]);
  const { join, relative, sep } = await import('node:path');
  const { readSmallText } = await import('../read-small-text.js');
  // Only the model is not taken out of the load result: it is handed to the rules and then let go.
  let loaded: LoadResult | undefined = await loadProject({ cwd: ctx.io.cwd, paths, cache: flags.cache, debug: ctx.debug, keepTexts: true });
  const { root, files, configFile, diagnostics: earlier } = loaded;
  const base = optionsFromConfig(loaded.config, now);
  // Locating, suppressions and code frames each want the source of most files: read each once, starting
  // from the texts the loader read.
  const texts = new Map<string, string | undefined>(loaded.texts);
  const readText = (file: string): string | undefined => {
    if (!texts.has(file)) texts.set(file, readSmallText(join(root, file)));
    return texts.get(file);
  };
  const report = runLintReleasing(
    () => {
      const { model } = loaded!;
      loaded = undefined;
      return model;
    },
    {
      earlier,
      options: { ...base, rules: { ...base.rules, ...overrides } },
      readText,
      files,
      ...(configFile ? { configFile: relative(root, configFile).split(sep).join('/') } : {}),
    },
  );
  await writeReports(report, reports, {
    io: ctx.io,
    root,
    files: files.length,
    frames: flags.frames,
    toolVersion: promocVersion(),
    readText,
  });
  return isFailure(report.diagnostics, failAt, maxWarnings) ? EXIT.failure : EXIT.ok;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warn: 1, info: 2 };

export function isFailure(diags: readonly Diagnostic[], failAt: FailLevel, maxWarnings: number): boolean {
  const failing = failAt !== 'none' && diags.some((d) => RANK[d.severity] <= RANK[failAt]);
  const warnings = diags.filter((d) => d.severity === 'warn').length;
  return failing || (maxWarnings >= 0 && warnings > maxWarnings);
}

function parseFailLevel(v: string): FailLevel {
  const level = v === 'none' ? 'none' : parseSeverity(v);
  if (level !== undefined) return level;
  throw new InvocationError(
    `--fail-severity must be one of ${FAIL_LEVELS.join(', ')}, not "${v}"`,
    'error fails on errors only; warning (or warn) on warnings too; none never fails on findings.',
  );
}

function parseMaxWarnings(v: string): number {
  const n = Number(v);
  if (Number.isInteger(n) && n >= -1) return n;
  throw new InvocationError(`--max-warnings must be a whole number ≥ -1, not "${v}"`, 'Use -1 for no limit.');
}

function parseRuleFlags(list: readonly string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const item of list) {
    const m = /^([a-z]+\/[a-z0-9-]+)=(error|warning|warn|info|off)$/.exec(item);
    if (!m) throw new InvocationError(`--rule expects <rule-id>=<error|warning|info|off>, got "${item}"`, 'For example: --rule stacking/exclusive-overlap=off');
    out[m[1]!] = m[2] === 'off' ? 'off' : parseSeverity(m[2]!)!;
  }
  return out;
}

function parseNow(v: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(d.getTime())) throw new InvocationError(`--now expects a date such as 2027-01-31, got "${v}"`);
  return d;
}
