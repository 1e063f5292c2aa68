// Everything a report shows, gathered once by the shell (files, git, emulators) so the views are pure:
// the markdown PR comment and the HTML page render the same ReportInput.
import type { Plan } from '../generated/plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { CampaignChange, GeofenceChange, SimulationReport } from '../simulate/types.js';
import type { Approval } from './approval.js';

export interface ReportSide {
  readonly label: string;
  readonly revision: string | null;
  readonly digest: string;
  readonly campaigns: number;
}

export interface ChangedCampaign {
  readonly id: string;
  readonly change: Exclude<CampaignChange, 'unchanged'>;
  readonly fields?: readonly string[];
}

/** One campaign's window, epoch ms; open ends are undefined. */
export interface TimelineRow {
  readonly id: string;
  readonly from?: number;
  readonly until?: number;
  readonly active: boolean;
  readonly change?: ChangedCampaign['change'];
}

/** A launch or expiry still ahead, on one target. */
export interface ScheduleRow {
  /** labels.target (a provider, or engine). */
  readonly target: string;
  /** Kind/name. */
  readonly resource: string;
  readonly event: 'launch' | 'expiry';
  /** Epoch ms. */
  readonly at: number;
  /** Who carries it out: the target itself, `promoc apply --due`, or the engine bundle. */
  readonly by: 'target' | 'promoc apply --due' | 'engine bundle';
  /** The author's zone, for showing local time. */
  readonly timeZone?: string;
}

export interface CoverageCell {
  /** What the line costs before anything applies. */
  readonly original: number;
  /** What the customer pays with no code (fees included). */
  readonly net: number;
  /** Campaign ids that applied (discounts and fees) with no code. */
  readonly campaigns: readonly string[];
  /** The presented code that lowers the price most, if one does. */
  readonly bestCode?: { readonly code: string; readonly net: number; readonly campaigns: readonly string[] };
}

export interface CoverageMatrix {
  /** RFC 3339 instant the contexts were evaluated at. */
  readonly at: string;
  readonly currency: string;
  readonly branch?: string;
  readonly category?: string;
  readonly userTypes: readonly string[];
  /** Geofence names, then "outside every zone". */
  readonly zones: readonly string[];
  readonly priceTypes: readonly string[];
  /** cells[userType][zone][priceType]. */
  readonly cells: readonly (readonly (readonly CoverageCell[])[])[];
}

export interface MapGeofence {
  readonly name: string;
  readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[];
  readonly change?: ChangedCampaign['change'];
  /** The base's shape of a changed or removed geofence, drawn beside the head's. */
  readonly before?: readonly (readonly (readonly (readonly number[])[])[])[];
}

export interface MapOverlap {
  readonly a: string;
  readonly b: string;
  readonly areaM2: number;
  readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[];
}

export interface ReportInput {
  readonly title: string;
  readonly head: ReportSide;
  readonly base?: ReportSide;
  readonly validate: { readonly files: number; readonly diagnostics: readonly Diagnostic[] };
  /** Absent when lint could not run. */
  readonly lint?: { readonly diagnostics: readonly Diagnostic[]; readonly suppressed: number };
  readonly plans: readonly Plan[];
  /** What merging does, per target: counts, risky actions, owners, launches, how it is applied. */
  readonly approval: Approval;
  readonly simulation?: SimulationReport;
  readonly changes: { readonly campaigns: readonly ChangedCampaign[]; readonly geofences: readonly GeofenceChange[] };
  readonly timeline: readonly TimelineRow[];
  /** Launches and expiries after `now`, per target; absent when the report was not given an instant. */
  readonly schedule?: { readonly now: number; readonly rows: readonly ScheduleRow[] };
  readonly coverage?: CoverageMatrix;
  readonly map: { readonly geofences: readonly MapGeofence[]; readonly overlaps: readonly MapOverlap[] };
  /** Where the full artefacts are (an Actions run URL), for summarised sections. */
  readonly detailsUrl?: string;
  /** Files at the pull request's head commit (…/blob/<sha>/): lint locations link there when known. */
  readonly sourceUrl?: string;
}
