// Wires one family to the shared machinery: its store (memory or file), clock, id generator, fault layer,
// admin routes and HTTP server.
import { join } from 'node:path';
import { Hono } from 'hono';
import { mountAdminRoutes } from './admin-routes.js';
import { createClock, type Now } from './clock.js';
import { createControl } from './control.js';
import type { EmulatorControl, EmulatorEndpoint, Family, FamilyEnv, FamilyState } from './family.js';
import { initialState, upgradeState } from './family-state.js';
import { FaultLayer, type FaultResponse, type Sleep } from './fault-layer.js';
import type { FaultOptions } from './faults.js';
import { listen } from './http-server.js';
import { deriveSeed, randomFromCell } from './random.js';
import { Store } from './store.js';

export interface StartFamilyOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir?: string;
  readonly apiKey?: string;
  readonly faults?: FaultOptions;
  readonly now: Now;
  readonly seed: number;
  readonly sleep: Sleep;
}

export interface RunningFamily {
  readonly endpoint: EmulatorEndpoint;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

function toResponse(answer: FaultResponse): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export async function startFamily<T, C>(family: Family<T, C>, options: StartFamilyOptions): Promise<RunningFamily> {
  const config = family.configure({ apiKey: options.apiKey });
  const tenantIds = family.tenantIds(config);
  const emptyTenant = () => family.emptyTenant();
  const store = new Store<FamilyState<T>>({
    file: options.dataDir ? join(options.dataDir, `${family.id}.json`) : undefined,
    initial: () => initialState(family.id, tenantIds, emptyTenant, options.seed),
    upgrade: (loaded) => upgradeState(loaded, family.id, tenantIds, emptyTenant),
  });
  await store.load();
  const clock = createClock(options.now);
  const env: FamilyEnv<T, C> = {
    config,
    store,
    now: () => clock.now(),
    random: randomFromCell({
      get: () => store.state.random,
      set: (s) => {
        store.state.random = s;
      },
    }),
    tenant: (id) => (Object.hasOwn(store.state.tenants, id) ? store.state.tenants[id] : undefined),
  };
  const faults = new FaultLayer(
    {
      now: env.now,
      sleep: options.sleep,
      seed: deriveSeed(options.seed, `${family.id}/faults`),
      respond: (status, retryAfterSeconds, path) => family.errorResponse(status, { path, retryAfterSeconds }),
    },
    options.faults,
  );
  const control = createControl(family.id, store, faults, clock);

  const app = new Hono();
  let endpoint: EmulatorEndpoint | undefined;
  mountAdminRoutes(app, control, store, () => ({ ...endpoint, now: clock.now().toISOString(), faults: faults.current ?? {}, stateFile: store.file ?? null }));
  family.adminRoutes?.(app, env);
  family.routes(app, env);
  app.notFound((c) => toResponse(family.errorResponse(404, { path: c.req.path })));
  // A thrown exception is an emulator bug: answer in the family's 500 shape, with the message to debug it.
  app.onError((error, c) => toResponse(family.errorResponse(500, { path: c.req.path, message: error.message })));

  const http = await listen(app, faults, options.port, options.host);
  endpoint = { provider: family.id, baseUrl: http.origin, adminUrl: `${http.origin}/__emulator`, ...family.endpoint(config, http.origin) };
  return {
    endpoint,
    control,
    async close() {
      await http.close();
      await store.flush();
    },
  };
}
