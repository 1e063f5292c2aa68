// The shapes of a fidelity row case. Every row of docs/fidelity.md whose status is `supported` or `refused`
// is named by at least one case in rows/<api>.ts:
// - `roundTrip`: campaign files that use the row's item; all of an API's round-trip files are planned together
//   on its emulator (validate → plan → apply → plan, no changes → import → plan, no changes) and `check` then
//   reads the emulator's stored objects to show the item reached the API.
// - `refusal`: campaign files that say what the API cannot do; the named step (validate or plan) must print
//   the located error (file:line:col) with the reason.
// - `scenario`: anything else (a behaviour over several steps), run in a workspace of its own.
// - `elsewhere`: rows a named test in another file keeps honest (the table test checks that it exists).
import type { ProviderId } from '../../src/providers/provider.js';
import type { CliRun } from '../helpers/run-cli.js';
import type { RoundTrip, Workspace } from './round-trip.js';

/** The emulator's stored objects of one collection in the workspace's tenant (e.g. ev-billing `codes`). */
export type Live = (collection: string) => Record<string, unknown>[];

export interface CheckContext {
  readonly live: Live;
  /** The one stored object of `collection` whose `field` equals `value`; fails when there is not exactly one. */
  readonly one: (collection: string, field: string, value: unknown) => Record<string, unknown>;
  readonly run: RoundTrip;
  /** Every file `promoc import` wrote, concatenated (path, then text). */
  readonly imported: string;
  readonly w: Workspace;
}

export interface RoundTripCase {
  readonly rows: readonly string[];
  /** Paths relative to campaigns/ (prefix them with the case's name so failures point at it). */
  readonly files: Readonly<Record<string, string>>;
  readonly check?: (c: CheckContext) => void | Promise<void>;
}

export interface RefusalCase {
  readonly rows: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  readonly step: 'validate' | 'plan';
  /** Where the error is, relative to campaigns/: `file:line:col`. */
  readonly at: string;
  /** The reason, as printed on the error's line. */
  readonly reason: RegExp;
}

export interface ScenarioCase {
  readonly rows: readonly string[];
  readonly name: string;
  readonly run: (c: { readonly w: Workspace; readonly live: Live; readonly cli: (args: readonly string[]) => Promise<CliRun> }) => Promise<void>;
  /** Campaign files (relative to campaigns/) present when the scenario starts. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface ElsewhereCase {
  readonly rows: readonly string[];
  /** Repository-relative path of the test file. */
  readonly file: string;
  /** The title of the `it(...)` in that file, verbatim. */
  readonly test: string;
}

export interface ApiCases {
  readonly provider: ProviderId;
  /** More YAML lines for the target's settings (e.g. mobility `ids`), in every workspace of this API. */
  readonly target?: string;
  readonly roundTrips: readonly RoundTripCase[];
  readonly refusals: readonly RefusalCase[];
  readonly scenarios: readonly ScenarioCase[];
  readonly elsewhere?: readonly ElsewhereCase[];
}
