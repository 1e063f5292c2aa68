// Lint settings: promoc.config.yaml's `lint` section plus invocation options, resolved once with their
// defaults. Pure: the clock comes in as `now`.
import type { PromocConfig } from '../generated/index.js';
import type { BBox } from '../geo/index.js';
import type { Severity } from '../model/diagnostic.js';
import { parseSeverity } from '../model/severity.js';
import type { ProviderId } from '../providers/provider.js';

export type RuleSetting = Severity | 'off';

/** A target a campaign may be lowered to (config `targets`), as far as lint needs to know it. */
export interface TargetRef {
  readonly name: string;
  readonly provider: ProviderId;
  readonly kinds?: readonly string[];
  readonly selector?: Readonly<Record<string, string | undefined>>;
}

export interface LintOptions {
  /** "Today", for expiry of windows and suppressions. */
  readonly now: Date;
  /** Rule id → severity or off (config `lint.rules`). */
  readonly rules?: Readonly<Record<string, RuleSetting | undefined>>;
  /** Run only these rules (tests, `--rule`). */
  readonly only?: readonly string[];
  /** stacking/excessive-combined-discount fires at or above this combined percentage. Default 100. */
  readonly maxCombinedDiscountPercent?: number;
  /** Where geofences may lie; without it, lint infers the area from the geofences themselves. */
  readonly operatingArea?: BBox;
  /** geofence/too-complex: most positions a geofence may have. Default 1000. */
  readonly maxVertices?: number;
  /** Overlaps up to this area (m²) count as touching. Default 1. */
  readonly minOverlapM2?: number;
  /** Targets from the config; absent means the local default, which has every provider. */
  readonly targets?: readonly TargetRef[];
  /** All-pairs geometry instead of the spatial index (benchmark comparison). */
  readonly naiveGeometry?: boolean;
  /** How often the scheduled `apply --due` runs (config `schedule.granularityMinutes`). Default 15. */
  readonly scheduleGranularityMinutes?: number;
}

export interface LintSettings {
  readonly now: number;
  readonly maxCombinedDiscountPercent: number;
  readonly operatingArea: BBox | undefined;
  readonly maxVertices: number;
  readonly minOverlapM2: number;
  readonly targets: readonly TargetRef[] | undefined;
  readonly naiveGeometry: boolean;
  readonly scheduleGranularityMinutes: number;
}

export const DEFAULT_SCHEDULE_GRANULARITY_MINUTES = 15;

export const DEFAULT_MAX_VERTICES = 1000;

export function resolveSettings(options: LintOptions): LintSettings {
  return {
    now: options.now.getTime(),
    maxCombinedDiscountPercent: options.maxCombinedDiscountPercent ?? 100,
    operatingArea: options.operatingArea,
    maxVertices: options.maxVertices ?? DEFAULT_MAX_VERTICES,
    minOverlapM2: options.minOverlapM2 ?? 1,
    targets: options.targets,
    naiveGeometry: options.naiveGeometry ?? false,
    scheduleGranularityMinutes: options.scheduleGranularityMinutes ?? DEFAULT_SCHEDULE_GRANULARITY_MINUTES,
  };
}

/** The lint options a project's config implies (the CLI adds `now` and flags). */
export function optionsFromConfig(config: PromocConfig | undefined, now: Date): LintOptions {
  const targets = config?.targets
    ? Object.entries(config.targets).flatMap(([name, t]) => (t ? [{ name, provider: t.provider, kinds: t.kinds, selector: t.selector }] : []))
    : undefined;
  return {
    now,
    ...(config?.lint?.rules ? { rules: ruleSettings(config.lint.rules) } : {}),
    maxCombinedDiscountPercent: config?.lint?.maxCombinedDiscountPercent,
    ...(config?.schedule?.granularityMinutes !== undefined ? { scheduleGranularityMinutes: config.schedule.granularityMinutes } : {}),
    targets,
  };
}

/** The config spells a severity either way ("warning" or "warn"); lint works with one. */
function ruleSettings(rules: Readonly<Record<string, string | undefined>>): Record<string, RuleSetting | undefined> {
  return Object.fromEntries(Object.entries(rules).map(([id, v]) => [id, v === undefined || v === 'off' ? v : parseSeverity(v)]));
}
