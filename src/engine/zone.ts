// The five rental phases, as the mobility API documents applicableRentalType. A zone is the union
// of its geofences. START_PLUS_END_RENTAL is the only phase that can count twice (start and end).
import type { BundleZone } from '../generated/bundle.js';
import { END, START, type GeoIndex, type Which } from './geo.js';

export interface CompiledZone {
  readonly geofences: readonly number[];
  readonly phase: BundleZone['phase'];
  /** "airport" or "airport or station", for reasons. */
  readonly label: string;
}

/** How many times the zone's phase is met: 0, 1, or 2 (START_PLUS_END_RENTAL both ends). */
export function zoneTimes(zone: CompiledZone, geo: GeoIndex): number {
  const s = inZone(zone, geo, START);
  const e = inZone(zone, geo, END);
  switch (zone.phase) {
    case 'START_RENTAL':
      return s ? 1 : 0;
    case 'END_RENTAL':
      return e ? 1 : 0;
    case 'START_PLUS_END_RENTAL':
      return (s ? 1 : 0) + (e ? 1 : 0);
    case 'START_OR_END_RENTAL':
      return s || e ? 1 : 0;
    case 'START_AND_END_RENTAL':
      return s && e ? 1 : 0;
  }
}

/** Why zoneTimes() is 0, in words. */
export function zoneReason(zone: CompiledZone, geo: GeoIndex): string {
  const z = `zone ${zone.label}`;
  const hasStart = geo.point(START) !== undefined;
  const hasEnd = geo.point(END) !== undefined;
  switch (zone.phase) {
    case 'START_RENTAL':
      return hasStart ? `rental does not start in ${z}` : `rental has no start position (must start in ${z})`;
    case 'END_RENTAL':
      return hasEnd ? `rental does not end in ${z}` : `rental has no end position yet (must end in ${z})`;
    case 'START_PLUS_END_RENTAL':
    case 'START_OR_END_RENTAL':
      return `rental neither starts nor ends in ${z}`;
    case 'START_AND_END_RENTAL': {
      const missing = !inZone(zone, geo, START)
        ? hasStart
          ? 'it does not start there'
          : 'no start position'
        : hasEnd
          ? 'it does not end there'
          : 'no end position yet';
      return `rental must start and end in ${z} (${missing})`;
    }
  }
}

function inZone(zone: CompiledZone, geo: GeoIndex, which: Which): boolean {
  for (const g of zone.geofences) if (geo.contains(g, which)) return true;
  return false;
}
