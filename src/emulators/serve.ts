// `promoc emulator`: start the emulators, print where they listen and what they accept, serve until told
// to stop. The banner is a pure function so it can be tested without a terminal.
import { startEmulators, type RunningEmulators } from './index.js';
import type { Credentials, EmulatorEndpoint } from './shared/family.js';
import type { ProviderId } from './shared/provider-id.js';

export interface ServeOptions {
  readonly providers: readonly ProviderId[];
  readonly port: number;
  readonly host: string;
  readonly dataDir?: string;
  readonly apiKey?: string;
  readonly seed: number;
}

export interface ServeIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function describeCredentials(c: Credentials): string {
  if (c.kind === 'api-client') return `clientId ${c.clientId} / clientKey ${c.clientKey}`;
  return `${c.apiKey}${c.scopes ? ` [${c.scopes.join(' ')}]` : ''}`;
}

const HOW: Readonly<Record<ProviderId, string>> = {
  'ev-billing': 'Authorization: Bearer <key> or X-API-Key: <key>',
  mobility: 'POST {api}/auth/sign-in-api-client {clientId, clientKey} → Bearer accessToken',
  promotions: 'Authorization: Bearer <key>',
  lago: 'Authorization: Bearer <key>',
};

export function banner(endpoints: readonly EmulatorEndpoint[], dataDir: string | undefined): string {
  const lines = [`promoc emulators — state ${dataDir ? `in ${dataDir}` : 'in memory (use --data DIR to keep it)'}`, ''];
  for (const e of endpoints) {
    lines.push(`${e.provider}  ${e.baseUrl}`);
    lines.push(`  api       ${e.apiBaseUrl}  (${e.provider === 'mobility' ? 'tenant' : 'organisation'} ${e.tenant})`);
    lines.push(`  auth      ${HOW[e.provider]}`);
    for (const a of e.accounts) lines.push(`  accepts   ${describeCredentials(a.credentials)}  — ${a.tenant}: ${a.description}`);
    lines.push(`  controls  ${e.adminUrl}  (state, reset, tenants/…, faults, clock)`, '');
  }
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

export function untilSignal(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      resolve(signal);
    };
    for (const s of signals) process.once(s, stop);
  });
}

export async function serveEmulators(options: ServeOptions, io: ServeIo, stopped: Promise<unknown>): Promise<RunningEmulators> {
  const emulators = await startEmulators({
    providers: options.providers,
    port: options.port,
    host: options.host,
    dataDir: options.dataDir,
    apiKey: options.apiKey,
    seed: options.seed,
  });
  const started = options.providers.flatMap((p) => {
    const e = emulators.endpoints[p];
    return e ? [e] : [];
  });
  if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
    io.stderr(`warning: listening on ${options.host}; the /__emulator controls need no credentials, keep this off untrusted networks\n`);
  }
  io.stdout(banner(started, options.dataDir));
  await stopped;
  await emulators.close();
  io.stdout('emulators stopped\n');
  return emulators;
}
