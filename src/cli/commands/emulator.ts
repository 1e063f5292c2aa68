import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { PROVIDER_IDS as PROVIDERS, type ProviderId as Provider } from '../../emulators/shared/provider-id.js';
import { InvocationError } from '../../model/errors.js';

export interface EmulatorFlags {
  provider: string;
  port: string;
  host: string;
  data?: string;
  apiKey?: string;
  seed: string;
}

/** Flags → serve options; bad values are usage errors (exit 64) before anything heavy is imported. */
export function parseEmulatorFlags(flags: EmulatorFlags, env: Readonly<Record<string, string | undefined>>) {
  const names = flags.provider === 'all' ? [...PROVIDERS] : flags.provider.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(PROVIDERS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvocationError(
      `unknown provider "${unknown.join(', ') || flags.provider}"`,
      `Use --provider ${PROVIDERS.join('|')}|all (or a comma-separated list).`,
    );
  }
  if (!/^\d+$/.test(flags.port) || Number(flags.port) > 65532) {
    throw new InvocationError(
      `--port "${flags.port}" is not a port number`,
      'Give a base port from 0 to 65532; the families use port, port+1, port+2, port+3 (0 picks free ports).',
    );
  }
  if (!/^-?\d+$/.test(flags.seed)) throw new InvocationError(`--seed "${flags.seed}" is not an integer`, 'Seeds are integers, e.g. --seed 42.');
  const apiKey = flags.apiKey ?? env.PROMOC_EMULATOR_API_KEY;
  return {
    providers: names as Provider[],
    port: Number(flags.port),
    host: flags.host,
    seed: Number(flags.seed),
    ...(flags.data ? { dataDir: flags.data } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}

/** Why the servers could not listen, as a usage error with a hint; undefined for anything else. */
export function listenRefusal(error: unknown, options: { readonly port: number; readonly host: string }): InvocationError | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const ports = options.port === 0 ? 'free ports' : `ports ${options.port}–${options.port + 3}`;
  switch (code) {
    case 'EADDRINUSE':
      return new InvocationError(
        `cannot listen on ${options.host}: port ${String((error as { port?: number }).port ?? options.port)} is already in use`,
        `The emulators use ${ports}; stop whatever holds the port, or pick another base port with --port <n> (--port 0 picks free ports).`,
      );
    case 'EACCES':
      return new InvocationError(
        `not allowed to listen on ${options.host} ${ports}`,
        'Ports below 1024 need privileges; pick --port 4010 or higher (or --port 0).',
      );
    case 'EADDRNOTAVAIL':
      return new InvocationError(
        `--host "${options.host}" is not an address of this machine`,
        'Use 127.0.0.1 (the default), ::1, or an address this machine has (0.0.0.0 for all).',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return new InvocationError(
        `--host "${options.host}" is neither an IP address nor a host name that resolves`,
        'Use 127.0.0.1 (the default), ::1, localhost, or an address this machine has.',
      );
    default:
      return undefined;
  }
}

export const registerEmulator: RegisterCommand = (program: Command, ctx) => {
  program
    .command('emulator')
    .summary('run local emulators of the four API families')
    .description(
      'Serve faithful local emulators of the EV billing, mobility, promotions and Lago APIs (the ' +
        'embedded default target), printing each base URL and the credentials it accepts, until Ctrl+C.',
    )
    .option('--provider <id>', `${PROVIDERS.join(', ')} or all (comma-separated list allowed)`, 'all')
    .option('--port <n>', 'base port: ev-billing on n, mobility n+1, promotions n+2, lago n+3; 0 picks free ports', '4010')
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--data <dir>', 'keep state in <dir>/<provider>.json (atomic writes); in memory when omitted')
    .option('--api-key <key>', 'the primary credential every emulator accepts (or PROMOC_EMULATOR_API_KEY)')
    .option('--seed <n>', 'seed for generated ids and fault dice', '1')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc emulator                                  all four on ports 4010-4013, in memory
  $ promoc emulator --provider lago --port 3000      Lago only, at http://127.0.0.1:3003/api/v1
  $ promoc emulator --data .promoc/emulators         keep state across restarts
  $ promoc emulator --api-key "$LAGO_API_KEY"        accept your own key (derived keys are printed)

Test controls live under /__emulator on each server (state, reset, dashboard edits, faults, clock);
see docs/emulators.md.`,
    )
    .action(async (flags: EmulatorFlags) => {
      const options = parseEmulatorFlags(flags, ctx.io.env);
      const { serveEmulators, untilSignal } = await import('../../emulators/serve.js');
      try {
        await serveEmulators(options, ctx.io, untilSignal());
      } catch (error) {
        throw listenRefusal(error, options) ?? error;
      }
    });
};
