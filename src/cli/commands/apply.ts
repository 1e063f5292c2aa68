import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerApply: RegisterCommand = (program: Command, ctx) => {
  program
    .command('apply')
    .summary('carry out a plan against a target, journaled and resumable')
    .description(
      'Plans (or reads a plan saved with `promoc plan --out` and refuses it if live state changed ' +
        'since), shows it, asks for confirmation, then sends the API calls in dependency order with ' +
        'bounded concurrency and retries. Every call is journaled (.promoc/journal/<target>/<run>.ndjson) ' +
        'so `--resume` finishes a killed run without creating anything twice; a lock keeps two applies ' +
        'off one target. Afterwards every touched resource is read back and checked.',
    )
    .argument('[plan]', 'a plan file written by `promoc plan --out` (default: plan the repository now)')
    .option('-t, --target <name>', 'target from promoc.config.yaml (default: defaultTarget, else local)')
    .option('--auto-approve', 'do not ask for confirmation (required when not on a terminal)', false)
    .option('--resume', 'finish the newest run of the target that did not complete (after a crash or kill)', false)
    .option('--prune', 'when planning now: remove managed objects no longer in the repository (the default unless prune: false)')
    .option('--no-prune', 'when planning now: leave managed objects no longer in the repository alone')
    .option('--force', 'when planning now: allow deletes and replacements that cut off live redemptions', false)
    .option('--verbose', 'list unchanged resources in the plan too', false)
    .addOption(formatOption(['text', 'json'], 'text', ' (json: the apply report on stdout, the plan on stderr)'))
    .option('--due', 'only what the clock made due: launches on targets without a start date, ends on targets without an end (the scheduler runs this)', false)
    .option('--now <instant>', 'plan as of this instant; never later than the clock (apply never launches early)')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc apply                                   plan against the target, confirm, apply
  $ promoc plan --out plan.json && promoc apply plan.json --auto-approve
  $ promoc apply --resume --target staging         finish a run that was killed
  $ promoc apply --due --auto-approve              launch and end what is due now (scheduled workflow)

Secrets come only from the environment variables the target names; they are never printed or written.
Exit codes: 0 applied (or nothing to do), 1 a call failed, a resource did not converge, the plan is
stale, the target is locked or the apply was declined; 64 bad invocation (e.g. no terminal and no --auto-approve).`,
    )
    .action(
      async (
        planFile: string | undefined,
        opts: {
          target?: string;
          autoApprove: boolean;
          resume: boolean;
          prune?: boolean;
          force: boolean;
          verbose: boolean;
          due: boolean;
          now?: string;
          format: 'text' | 'json';
        },
      ) => {
        const { runApply } = await import('../run/apply.js');
        const { nowFrom } = await import('../now.js');
        ctx.setExitCode(
          await runApply(
            ctx.io,
            {
              format: opts.format,
              autoApprove: opts.autoApprove,
              resume: opts.resume,
              ...(opts.prune !== undefined ? { prune: opts.prune } : {}),
              force: opts.force,
              verbose: opts.verbose,
              due: opts.due,
              ...(opts.now !== undefined ? { now: nowFrom(opts.now) } : {}),
              ...(planFile ? { planFile } : {}),
              ...(opts.target ? { target: opts.target } : {}),
            },
            { debug: ctx.debug },
          ),
        );
      },
    );
};
