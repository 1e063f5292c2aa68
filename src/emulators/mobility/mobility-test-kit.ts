// Shared set-up for the mobility contract suites: start the emulator, sign in, call the tenant API.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulators, type RunningEmulators } from '../index.js';
import { call, obj, type CallOptions, type FakeClock, type HttpReply } from '../shared/testing.js';

export interface MobilityKit {
  readonly emulators: RunningEmulators;
  readonly origin: string;
  signIn(clientId?: string, clientKey?: string, tenant?: string): Promise<string>;
  api(path: string, options?: CallOptions, token?: string, tenant?: string): Promise<HttpReply>;
  /** Signs in as the primary client again (after a reset wipes tokens). */
  refreshPrimary(): Promise<void>;
}

export const SECRET = 'promoc-secret';

export async function startMobility(clock: FakeClock): Promise<MobilityKit> {
  const emulators = await startEmulators({ providers: ['mobility'], now: clock.now, seed: 5 });
  const origin = emulators.endpoint('mobility').baseUrl;
  let primary = '';
  const signIn = async (clientId = 'promoc', clientKey = SECRET, tenant = 'demo'): Promise<string> => {
    const r = await call(`${origin}/v1/${tenant}/auth/sign-in-api-client`, { body: { clientId, clientKey } });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`);
    return String(obj(r.body).accessToken);
  };
  const kit: MobilityKit = {
    emulators,
    origin,
    signIn,
    api: (path, options = {}, token = primary, tenant = 'demo') =>
      call(`${origin}/v1/${tenant}${path}`, { ...options, headers: { authorization: `Bearer ${token}`, ...options.headers } }),
    async refreshPrimary() {
      primary = await signIn();
    },
  };
  return kit;
}

export const promotion = (fields: Record<string, unknown> = {}) => ({
  type: 'Promotion',
  name: 'Spring rides',
  code: 'SPRING',
  businessUnitId: 1,
  applicableBranchIds: [11],
  benefits: [{ type: 'Discount', discount: 0.2, applicablePriceType: 'TIME_PRICE', numberOfRentals: 3 }],
  ...fields,
});

/**
 * Registers the suite's lifecycle: one emulator for the file, and before each test the clock back at
 * `start`, the state reset and the primary client signed in again. `ready` receives the kit.
 */
export function useMobilityKit(clock: FakeClock, start: string, ready: (kit: MobilityKit) => void): void {
  let kit: MobilityKit | undefined;
  beforeAll(async () => {
    kit = await startMobility(clock);
    ready(kit);
  });
  afterAll(() => kit?.emulators.close());
  beforeEach(async () => {
    clock.set(start);
    await kit!.emulators.control('mobility').reset();
    await kit!.refreshPrimary();
  });
}
