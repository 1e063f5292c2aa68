// The imperative shell: parse argv, run one command, map every failure to a documented exit code.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT, type CliContext } from './context.js';
import { debugFromEnv, stderrDebugLog } from './debug.js';
import { isFileSystemRefusal, printRefusal } from './expected-failure.js';
import { colors, processIo, type Io } from './io.js';
import { InternalError, PromocError } from '../model/errors.js';
import { promocVersion } from '../load/version.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('promoc')
    .description('Promotions as code: validate, lint, plan, apply and bundle campaigns.')
    .version(promocVersion(), '-v, --version')
    .option('--debug', 'log what promoc does to stderr: config, cache, target, every HTTP call (secrets redacted); also PROMOC_DEBUG=1')
    .on('option:debug', () => ctx.enableDebug())
    // Read before parsing (see main): every command's output, errors included, is plain from the start.
    .option('--no-color', 'no colours in any output (also NO_COLOR=1)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
    .addHelpText(
      'after',
      `
Examples:
  $ promoc validate                      check every campaign named by promoc.config.yaml
  $ promoc validate campaigns/ev --format json
  $ promoc lint -f sarif -o lint.sarif -f stylish
  $ promoc plan --target staging --debug   each HTTP call on stderr, credentials shown as <redacted>

Exit codes: 0 success, 1 errors found or an operation failed, 2 plan has changes,
64 bad invocation, 70 internal error (please report it).`,
    );
  for (const register of commands) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  return program;
}

export async function main(argv: readonly string[], given: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  // Commands read io.color when they start, before commander has finished with argv.
  const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  const io: Io = options.includes('--no-color') ? { ...given, color: false } : given;
  // The switch is read at each line: `--debug` is only known once commander has parsed argv, which happens
  // after the commands were registered with this context.
  let debugOn = debugFromEnv(io.env);
  const ctx: CliContext = {
    io,
    debug: stderrDebugLog(io, () => debugOn),
    enableDebug: () => {
      debugOn = true;
    },
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
  };
  const c = colors(io);
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage; // commander already printed its message
    }
    if (error instanceof PromocError) {
      io.stderr(`${c.red('error')}: ${error.message}\n${error.hint ? `${c.dim('hint')}: ${error.hint}\n` : ''}`);
      for (const line of error.detailLines()) io.stderr(`${line}\n`);
      return error.exitStatus;
    }
    if (isFileSystemRefusal(error)) {
      printRefusal(io, error);
      return EXIT.failure;
    }
    const e = error instanceof Error ? error : new InternalError(String(error));
    io.stderr(
      `${c.red('internal error')}: ${e.message}\n${e.stack ?? ''}\nThis is a bug in promoc ${promocVersion()}; please report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}
