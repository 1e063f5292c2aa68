// Library entry: start the API-family emulators in-process (tests, the demo, `promoc emulator`).
import { evBillingFamily } from './ev-billing/family.js';
import { lagoFamily } from './lago/family.js';
import { mobilityFamily } from './mobility/family.js';
import { promotionsFamily } from './promotions/family.js';
import type { EmulatorControl, EmulatorEndpoint } from './shared/family.js';
import { realSleep, type Sleep } from './shared/fault-layer.js';
import type { FaultOptions } from './shared/faults.js';
import { PROVIDER_IDS, portOffset, type ProviderId } from './shared/provider-id.js';
import { startFamily, type RunningFamily, type StartFamilyOptions } from './shared/run-family.js';

export type { Account, Credentials, EmulatorControl, EmulatorEndpoint } from './shared/family.js';
export type { FaultOptions } from './shared/faults.js';
export type { Sleep } from './shared/fault-layer.js';
export { PROVIDER_IDS, isProviderId, type ProviderId } from './shared/provider-id.js';

export interface StartEmulatorsOptions {
  /** Which families to start (default: all four). */
  readonly providers?: readonly ProviderId[];
  /** Base port: families listen on port + 0..3 in PROVIDER_IDS order; 0 (default) = an ephemeral port each. */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Persist each family's state to `<dataDir>/<provider>.json`; in memory when omitted. */
  readonly dataDir?: string;
  /** The primary credential every family accepts (derived keys are listed in `endpoints[p].accounts`). */
  readonly apiKey?: string;
  /** Faults applied to every started family from the first request (change later via `control(p).setFaults`). */
  readonly faults?: FaultOptions;
  /** The clock (default: system time). Tests inject a fake one. */
  readonly now?: () => Date;
  /** Seed for ids and fault dice (default 1). */
  readonly seed?: number;
  /** How injected latency waits (default setTimeout); tests may inject an instant one. */
  readonly sleep?: Sleep;
}

export interface RunningEmulators {
  readonly endpoints: { readonly [P in ProviderId]?: EmulatorEndpoint };
  readonly controls: { readonly [P in ProviderId]?: EmulatorControl };
  /** The endpoint of a started family; throws if it was not started. */
  endpoint(provider: ProviderId): EmulatorEndpoint;
  control(provider: ProviderId): EmulatorControl;
  close(): Promise<void>;
}

const STARTERS: Readonly<Record<ProviderId, (options: StartFamilyOptions) => Promise<RunningFamily>>> = {
  'ev-billing': (o) => startFamily(evBillingFamily, o),
  mobility: (o) => startFamily(mobilityFamily, o),
  promotions: (o) => startFamily(promotionsFamily, o),
  lago: (o) => startFamily(lagoFamily, o),
};

export async function startEmulators(options: StartEmulatorsOptions = {}): Promise<RunningEmulators> {
  const providers = PROVIDER_IDS.filter((p) => (options.providers ?? PROVIDER_IDS).includes(p));
  const basePort = options.port ?? 0;
  const started = new Map<ProviderId, RunningFamily>();
  try {
    for (const provider of providers) {
      started.set(
        provider,
        await STARTERS[provider]({
          port: basePort === 0 ? 0 : basePort + portOffset(provider),
          host: options.host ?? '127.0.0.1',
          dataDir: options.dataDir,
          apiKey: options.apiKey,
          faults: options.faults,
          now: options.now ?? (() => new Date()),
          seed: options.seed ?? 1,
          sleep: options.sleep ?? realSleep,
        }),
      );
    }
  } catch (error) {
    await Promise.all([...started.values()].map((f) => f.close()));
    throw error;
  }
  const endpoints: { [P in ProviderId]?: EmulatorEndpoint } = {};
  const controls: { [P in ProviderId]?: EmulatorControl } = {};
  for (const [provider, family] of started) {
    endpoints[provider] = family.endpoint;
    controls[provider] = family.control;
  }
  const pick = <V>(map: { [P in ProviderId]?: V }, provider: ProviderId): V => {
    const value = map[provider];
    if (value === undefined) throw new Error(`the ${provider} emulator was not started (started: ${providers.join(', ')})`);
    return value;
  };
  return {
    endpoints,
    controls,
    endpoint: (provider) => pick(endpoints, provider),
    control: (provider) => pick(controls, provider),
    close: async () => {
      await Promise.all([...started.values()].map((f) => f.close()));
    },
  };
}
