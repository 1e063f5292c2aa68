// Windows written as local times (`from: 2027-03-28T03:00` with `timeZone: Europe/Berlin`) become UTC
// instants once the document is valid, so everything after loading (lint, plan, bundles, the engine) sees
// instants only. The semantic check has already refused local times that do not resolve to one instant.
import { LOCAL_TIME, resolveLocalTime } from '../model/zoned-time.js';

type Window = { from?: string; until?: string; timeZone?: string };

export function resolveWindows<T>(resource: T): T {
  const r = resource as { spec?: { window?: Window; phases?: { window?: Window }[] } };
  const spec = r.spec;
  if (!spec || (!needs(spec.window) && !(spec.phases ?? []).some((p) => needs(p.window)))) return resource;
  return {
    ...r,
    spec: {
      ...spec,
      ...(spec.window ? { window: resolved(spec.window) } : {}),
      ...(spec.phases ? { phases: spec.phases.map((p) => (p.window ? { ...p, window: resolved(p.window) } : p)) } : {}),
    },
  } as T;
}

const needs = (w: Window | undefined): boolean => !!w?.timeZone && [w.from, w.until].some((t) => t !== undefined && LOCAL_TIME.test(t));

function resolved(w: Window): Window {
  if (!needs(w)) return w;
  const one = (t: string | undefined): string | undefined => {
    if (t === undefined || !LOCAL_TIME.test(t)) return t;
    const r = resolveLocalTime(t, w.timeZone!);
    return r.ok ? r.instant : t;
  };
  const from = one(w.from);
  const until = one(w.until);
  return { ...w, ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
}
