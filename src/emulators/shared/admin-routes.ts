// Test controls under /__emulator, the same on every family: inspect and replace state, reset, edit objects
// out of band, set faults and move the clock. They need no credentials: the servers bind to loopback.
import type { Hono } from 'hono';
import { ControlError } from './control.js';
import type { EmulatorControl, FamilyState } from './family.js';
import { findCollection } from './family-state.js';
import { parseFaultOptions } from './faults.js';
import { ADMIN_PREFIX } from './fault-layer.js';
import { FieldReader } from './input.js';
import { readJson } from './json-body.js';
import { json } from './respond.js';
import type { Store } from './store.js';

/** The emulator clock stays within four-digit years; an advance is at most a century at a time. */
const CLOCK_MIN = '1970-01-01T00:00:00.000Z';
const CLOCK_MAX = '9999-12-31T23:59:59.999Z';
const MAX_ADVANCE_MS = 100 * 366 * 24 * 3600 * 1000;
const clockInRange = (ms: number): boolean => ms >= Date.parse(CLOCK_MIN) && ms <= Date.parse(CLOCK_MAX);

export function adminError(status: number, message: string): Response {
  return json({ error: message }, status);
}

export async function adminBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const body = await readJson(request);
  return body.ok ? { ok: true, body: body.value } : { ok: false, response: adminError(400, body.error) };
}

async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ControlError) return adminError(404, error.message);
    if (error instanceof Error) return adminError(400, error.message);
    throw error;
  }
}

export function mountAdminRoutes<T>(app: Hono, control: EmulatorControl, store: Store<FamilyState<T>>, describe: () => unknown): void {
  const p = ADMIN_PREFIX;
  app.get(p, () => json(describe()));
  app.get(`${p}/state`, () => json(control.snapshot()));
  app.put(`${p}/state`, async (c) =>
    guarded(async () => {
      const read = await adminBody(c.req.raw);
      if (!read.ok) return read.response;
      await control.restore(read.body);
      return json(control.snapshot());
    }),
  );
  app.post(`${p}/reset`, async () => {
    await control.reset();
    return json({ reset: true });
  });
  app.get(`${p}/tenants/:tenant/:collection`, (c) => {
    const found = findCollection(store.state, c.req.param('tenant'), c.req.param('collection'));
    return found.ok ? json(Object.values(found.collection)) : adminError(404, found.message);
  });
  app.get(`${p}/tenants/:tenant/:collection/:id`, (c) => {
    const found = findCollection(store.state, c.req.param('tenant'), c.req.param('collection'));
    if (!found.ok) return adminError(404, found.message);
    const item = found.collection[c.req.param('id')];
    return item === undefined ? adminError(404, `no object "${c.req.param('id')}"`) : json(item);
  });
  app.patch(`${p}/tenants/:tenant/:collection/:id`, async (c) =>
    guarded(async () => {
      const read = await adminBody(c.req.raw);
      if (!read.ok) return read.response;
      return json(await control.edit(c.req.param('tenant'), c.req.param('collection'), c.req.param('id'), read.body));
    }),
  );
  app.put(`${p}/tenants/:tenant/:collection/:id`, async (c) =>
    guarded(async () => {
      const read = await adminBody(c.req.raw);
      if (!read.ok) return read.response;
      await control.put(c.req.param('tenant'), c.req.param('collection'), c.req.param('id'), read.body);
      return json(read.body);
    }),
  );
  app.delete(`${p}/tenants/:tenant/:collection/:id`, async (c) =>
    guarded(async () => {
      const removed = await control.remove(c.req.param('tenant'), c.req.param('collection'), c.req.param('id'));
      return removed ? json({ deleted: true }) : adminError(404, `no object "${c.req.param('id')}"`);
    }),
  );
  app.get(`${p}/faults`, () => json(control.faults() ?? {}));
  app.put(`${p}/faults`, async (c) => {
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const parsed = parseFaultOptions(read.body ?? {});
    if (!parsed.ok) return json({ error: 'invalid fault options', issues: parsed.error }, 400);
    control.setFaults(parsed.value);
    return json(parsed.value);
  });
  app.delete(`${p}/faults`, () => {
    control.setFaults(undefined);
    return json({});
  });
  app.get(`${p}/clock`, () => json({ now: control.clock.now().toISOString() }));
  app.put(`${p}/clock`, async (c) => {
    const read = await adminBody(c.req.raw);
    if (!read.ok) return read.response;
    const r = new FieldReader(read.body);
    const at = r.dateTime('now');
    const advanceMs = r.number('advanceMs', { min: 0, max: MAX_ADVANCE_MS });
    if (at && !clockInRange(at.getTime())) r.add('now', 'out_of_range', `now must be between ${CLOCK_MIN} and ${CLOCK_MAX} (got ${at.toISOString()})`);
    // The clock after the change must still print as an ISO date-time, or every later write would fail.
    const landing = (at ?? control.clock.now()).getTime() + (advanceMs ?? 0);
    if (r.issues.length === 0 && !clockInRange(landing)) {
      r.add('advanceMs', 'out_of_range', `advanceMs ${advanceMs} would move the clock past ${CLOCK_MAX}; reset it with {"now": null} or advance less`);
    }
    if (r.issues.length > 0) return json({ error: 'invalid clock change', issues: r.issues }, 400);
    if (at !== undefined) control.clock.set(at ?? undefined);
    if (advanceMs) control.clock.advance(advanceMs);
    return json({ now: control.clock.now().toISOString() });
  });
}
