import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';

export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function checkFormat(format: string): PlanFormat {
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) throw new InvocationError(`unknown format "${format}"`, 'Use --format text, markdown or json.');
  return format as PlanFormat;
}

export const registerPlan: RegisterCommand = (program: Command, ctx) => {
  program
    .command('plan')
    .summary('show what applying the repository to a target would change')
    .description(
      "Reads the live state of the target's APIs, compares it with the campaigns " +
        '(matched by kind and code or name), and prints the actions applying would take. ' +
        'With no configured target, the embedded emulators are used (target local).',
    )
    .argument('[paths...]', 'files or folders (default: the campaigns globs in promoc.config.yaml)')
    .option('-t, --target <name>', 'target from promoc.config.yaml (default: defaultTarget, else local)')
    .option('-o, --out <file>', 'also save the plan (JSON, with the live fingerprint) for `promoc show` and `promoc apply`')
    .option('--overlay <dir>', 'lay the files of this folder over the working tree first (the head `promoc report --overlay` shows)')
    .option('-f, --format <format>', 'text, markdown (PR comment) or json', 'text')
    .option(
      '--prune',
      'remove (delete, archive or deactivate) objects promoc manages that are no ' +
        'longer in the repository (the default unless prune: false in promoc.config.yaml)',
    )
    .option('--no-prune', 'leave managed objects that are no longer in the repository alone, this run only')
    .option('--force', 'allow deletes and replacements that cut off live redemptions', false)
    .option('--verbose', 'list unchanged resources too (text format)', false)
    .option('--now <instant>', 'plan as if it were this instant (what would be due, what would be live); default the clock')
    .option(
      '--api-verdict <probes>',
      'also ask APIs that preview promotions (eligibility preview, simulate) what each changed live object does for ' +
        'the customers in this YAML file (probes: [{ customer, subscription?, at?, context }]) and show it beside the ' +
        "engine's verdict on the same fields; a disagreement is a plan/api-verdict warning (text and markdown)",
    )
    .addHelpText(
      'after',
      `
Examples:
  $ promoc plan                              against the embedded emulators (no credentials)
  $ promoc plan --target staging --out plan.json
  $ promoc plan --format markdown > plan.md  for a pull-request comment

Exit codes (like terraform plan -detailed-exitcode): 0 no changes, 2 changes (or blocked or scheduled ones),
1 errors (campaigns the target cannot express, API failures, two live objects claiming one resource),
64 bad invocation. A campaign removed from the repository is a change (delete, archive or deactivate).`,
    )
    .action(
      async (
        paths: string[],
        opts: {
          target?: string;
          out?: string;
          overlay?: string;
          format: string;
          prune?: boolean;
          force: boolean;
          verbose: boolean;
          now?: string;
          apiVerdict?: string;
        },
      ) => {
        const format = checkFormat(opts.format);
        const { nowFrom } = await import('../now.js');
        const now = nowFrom(opts.now);
        const { runPlan } = await import('../run/plan.js');
        ctx.setExitCode(
          await runPlan(
            ctx.io,
            {
              paths,
              format,
              now,
              ...(opts.prune !== undefined ? { prune: opts.prune } : {}),
              force: opts.force,
              verbose: opts.verbose,
              ...(opts.target ? { target: opts.target } : {}),
              ...(opts.out ? { out: opts.out } : {}),
              ...(opts.overlay ? { overlay: opts.overlay } : {}),
              ...(opts.apiVerdict ? { apiVerdict: opts.apiVerdict } : {}),
            },
            ctx.debug,
          ),
        );
      },
    );
};
