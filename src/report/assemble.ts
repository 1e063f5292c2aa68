// Everything the report shows, from what the shell gathered: the head (and base) built in memory, lint
// findings, saved plans, a simulation. Pure: it evaluates with the engine but reads no files.
import type { Bundle } from '../generated/bundle.js';
import type { Plan } from '../generated/plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Model } from '../model/resource.js';
import type { Engine } from '../engine/load.js';
import { diffBundles, type Geometries } from '../simulate/changes.js';
import type { SimulationReport } from '../simulate/types.js';
import { approvalSummary } from './approval.js';
import { coverageMatrix, type CoverageOptions } from './coverage.js';
import { mapData } from './map.js';
import { upcomingSchedule } from './schedule.js';
import { timelineRows } from './timeline.js';
import type { ChangedCampaign, ReportInput, ReportSide } from './types.js';

export interface AssembleInput {
  readonly title?: string;
  readonly head: {
    readonly label: string;
    readonly engine: Engine;
    readonly bundle: Bundle;
    readonly model: Model;
    readonly files: number;
    readonly diagnostics: readonly Diagnostic[];
  };
  readonly base?: { readonly label: string; readonly bundle: Bundle; readonly model?: Model };
  readonly lint?: ReportInput['lint'];
  readonly plans?: readonly Plan[];
  /** The file each plan was read from, in the same order (named in the apply command). */
  readonly planFiles?: readonly string[];
  readonly simulation?: SimulationReport;
  /** Coverage settings; false leaves the matrix out. */
  readonly coverage?: Omit<CoverageOptions, 'userTypes'> | false;
  readonly detailsUrl?: string;
  readonly sourceUrl?: string;
  /** The report's instant (--now, else the clock): the upcoming schedule starts here. */
  readonly now?: number;
}

export function assembleReport(input: AssembleInput): ReportInput {
  const { head, base, simulation } = input;
  const changes = base
    ? fromBundles(base.bundle, head.bundle, base.model ? { base: base.model.geometries, head: head.model.geometries } : undefined)
    : simulation
      ? fromSimulation(simulation)
      : { campaigns: [], geofences: [] };
  const userTypes = head.model.resources.filter((r) => r.resource.kind === 'UserType').map((r) => r.resource.metadata.name);
  const plans = input.plans ?? [];
  const timeline = timelineRows(head.bundle, base?.bundle, changes.campaigns);
  return {
    title: input.title ?? 'promoc report',
    head: side(head.label, head.bundle),
    ...(base ? { base: side(base.label, base.bundle) } : simulation ? { base: simulation.base } : {}),
    validate: { files: head.files, diagnostics: head.diagnostics },
    ...(input.lint ? { lint: input.lint } : {}),
    plans,
    approval: approvalSummary({ plans, ...(input.planFiles ? { planFiles: input.planFiles } : {}), model: head.model, changes: changes.campaigns, timeline }),
    ...(simulation ? { simulation } : {}),
    changes,
    timeline,
    ...(input.now !== undefined ? { schedule: { now: input.now, rows: upcomingSchedule(head.model, input.now) } } : {}),
    ...(input.coverage === false ? {} : { coverage: coverageMatrix(head.engine, head.bundle, { userTypes, ...(input.coverage ?? {}) }) }),
    map: mapData(head.model.geometries, changes.geofences),
    ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
  };
}

/** When the head does not build: the report still goes out, with the errors on top and nothing computed. */
export function assembleFailedReport(input: {
  readonly title?: string;
  readonly label: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: number;
  readonly plans?: readonly Plan[];
  readonly planFiles?: readonly string[];
  readonly detailsUrl?: string;
  readonly sourceUrl?: string;
}): ReportInput {
  const plans = input.plans ?? [];
  return {
    title: input.title ?? 'promoc report',
    head: { label: input.label, revision: null, digest: 'none (the campaigns do not build)', campaigns: 0 },
    validate: { files: input.files, diagnostics: input.diagnostics },
    plans,
    approval: approvalSummary({ plans, ...(input.planFiles ? { planFiles: input.planFiles } : {}), changes: [], timeline: [] }),
    changes: { campaigns: [], geofences: [] },
    timeline: [],
    map: { geofences: [], overlaps: [] },
    ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
  };
}

function side(label: string, b: Bundle): ReportSide {
  return { label, revision: b.manifest.revision, digest: b.manifest.digest, campaigns: b.manifest.counts.campaigns };
}

function fromBundles(base: Bundle, head: Bundle, geometries: Geometries | undefined): ReportInput['changes'] {
  const d = diffBundles(base, head, geometries);
  const campaigns: ChangedCampaign[] = [...d.campaigns]
    .filter(([, c]) => c.change !== 'unchanged')
    .map(([id, c]) => ({ id, change: c.change as ChangedCampaign['change'], ...(c.fields ? { fields: c.fields } : {}) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { campaigns, geofences: d.geofences };
}

function fromSimulation(s: SimulationReport): ReportInput['changes'] {
  const campaigns = s.campaigns
    .filter((c) => c.change !== 'unchanged')
    .map((c) => ({ id: c.id, change: c.change as ChangedCampaign['change'], ...(c.fields ? { fields: c.fields } : {}) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { campaigns, geofences: s.geofences };
}
