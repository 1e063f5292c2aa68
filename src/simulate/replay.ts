// The pure core of `promoc simulate`: every session is evaluated by the base engine and by the head
// engine, each with its own usage ledger (so limits and budgets run out on each side as they would
// have), and tallied per campaign. Feed it sessions in time order; `report()` compares the sides.
import { prepare as prepareContext } from '../engine/context.js';
import type { Engine } from '../engine/load.js';
import type { Bundle } from '../generated/bundle.js';
import type { MultiPolygonCoords } from '../model/resource.js';
import { SideAggregator, type SessionMeta } from './aggregate.js';
import { diffBundles } from './changes.js';
import { compareSides } from './compare.js';
import { CustomerCampaigns, Interner } from './distinct.js';
import { asSessionError, type LineResult } from './read.js';
import { customerOf, SessionError, type Session } from './session.js';
import { differingCampaigns, Shortcut } from './shortcut.js';
import { SIMULATION_FORMAT, type SessionError as SessionErrorRecord, type SimulationReport } from './types.js';

export interface SimulationSide {
  readonly engine: Engine;
  readonly bundle: Bundle;
  /** What was built: a git ref, "working tree", a directory. */
  readonly label: string;
  /** Every geofence of the project (the bundle has only those a zone uses), to report geometry changes. */
  readonly geometries?: ReadonlyMap<string, MultiPolygonCoords>;
}

export interface ReplayOptions {
  /** false: evaluate every session on both sides, even where shortcut.ts shows they cannot differ (the differential test's reference). */
  readonly shortcut?: boolean;
}

const DAY = 86_400_000;
/** The tallies read what applied and charged, never why a campaign did not or line by line: skip building those. */
const FAST = { explain: false, lines: false } as const;
const MAX_ERRORS = 20;

export class Replay {
  private readonly sides: readonly [SideAggregator, SideAggregator];
  private readonly customers = new Interner();
  private read = 0;
  private evaluated = 0;
  private invalid = 0;
  private outOfOrder = 0;
  private firstAt = Infinity;
  private lastAt = -Infinity;
  private previousAt = -Infinity;
  private readonly currencies = new Set<string>();
  private lastCurrency: string | undefined;
  private readonly errors: SessionErrorRecord[] = [];
  /** Same content digest: one evaluation serves both sides (a change to descriptions only, say). */
  private readonly identical: boolean;
  /** Whether a session may evaluate differently on the two sides (shortcut.ts); undefined: every session is evaluated twice. */
  private readonly shortcut: Shortcut | undefined;

  constructor(
    private readonly base: SimulationSide,
    private readonly head: SimulationSide,
    options: ReplayOptions = {},
  ) {
    const columns = new CustomerCampaigns(base.engine.campaigns.length + head.engine.campaigns.length);
    this.sides = [
      new SideAggregator(base.engine.campaigns, this.customers, columns, 0),
      new SideAggregator(head.engine.campaigns, this.customers, columns, base.engine.campaigns.length),
    ];
    this.identical = base.bundle.manifest.digest === head.bundle.manifest.digest;
    const differing = this.identical || options.shortcut === false ? undefined : differingCampaigns(base.bundle, head.bundle);
    const [b, h] = this.sides;
    this.shortcut =
      differing &&
      new Shortcut(differing, [
        { engine: base.engine, ledger: b.ledger },
        { engine: head.engine, ledger: h.ledger },
      ]);
  }

  /** One parsed line: a session, nothing (blank line, header), or an error. */
  line(result: LineResult, line: number): void {
    if (result === undefined) return;
    if (result instanceof SessionError) {
      this.read += 1;
      this.fail(line, result.message);
      return;
    }
    this.session(result, line);
  }

  session(s: Session, line: number): void {
    this.read += 1;
    const [base, head] = this.sides;
    let b;
    let h;
    const shortcut = this.shortcut;
    const customerId = customerOf(s);
    let drifted = false;
    try {
      // Checked once for both sides; each evaluation reads the counters its side set.
      const p = prepareContext(s);
      s.usage = base.ledger;
      b = this.base.engine.evaluate(p, FAST);
      if (this.identical) h = b;
      // A customer not interned yet (-1 here) has no counters of its own on either side.
      else if (shortcut !== undefined && !shortcut.mayDiffer(p, customerId === undefined ? -1 : this.customers.find(customerId))) h = b;
      else {
        s.usage = head.ledger;
        h = this.head.engine.evaluate(p, FAST);
        drifted = shortcut !== undefined;
      }
    } catch (e) {
      this.fail(line, asSessionError(e).message);
      return;
    }
    // Interned only once the session is evaluated: the report counts the customers of evaluated sessions.
    const customer = customerId === undefined ? -1 : this.customers.index(customerId);
    if (drifted) shortcut!.drift(b, h, customer);
    this.evaluated += 1;
    const at = b.at;
    if (at < this.previousAt) this.outOfOrder += 1;
    this.previousAt = at;
    if (at < this.firstAt) this.firstAt = at;
    if (at > this.lastAt) this.lastAt = at;
    // Nearly every session has the previous one's currency: one comparison instead of hashing it into the set.
    if (b.currency !== this.lastCurrency) {
      this.lastCurrency = b.currency;
      this.currencies.add(b.currency);
      base.mainCurrency ??= b.currency;
      head.mainCurrency ??= b.currency;
    }
    const meta: SessionMeta = { id: s.id, line, customer, at, day: Math.floor(at / DAY) };
    base.add(b, meta);
    head.add(h, meta);
    if (shortcut !== undefined) {
      shortcut.counted(b);
      if (h !== b) shortcut.counted(h);
    }
  }

  private fail(line: number, message: string): void {
    this.invalid += 1;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ line, message });
  }

  get sessionsRead(): number {
    return this.read;
  }

  report(): SimulationReport {
    const [base, head] = this.sides;
    const span = this.evaluated > 0 ? { first: new Date(this.firstAt).toISOString(), last: new Date(this.lastAt).toISOString() } : {};
    return {
      formatVersion: SIMULATION_FORMAT,
      base: sideInfo(this.base),
      head: sideInfo(this.head),
      sessions: {
        read: this.read,
        evaluated: this.evaluated,
        invalid: this.invalid,
        outOfOrder: this.outOfOrder,
        ...span,
        customers: this.customers.size,
        currencies: [...this.currencies].sort(),
      },
      errors: this.errors,
      ...compareSides(
        base,
        head,
        diffBundles(this.base.bundle, this.head.bundle, geometriesOf(this.base, this.head)),
        this.evaluated > 0 ? [Math.floor(this.firstAt / DAY), Math.floor(this.lastAt / DAY)] : undefined,
      ),
    };
  }
}

function geometriesOf(base: SimulationSide, head: SimulationSide): Parameters<typeof diffBundles>[2] {
  return base.geometries && head.geometries ? { base: base.geometries, head: head.geometries } : undefined;
}

function sideInfo(s: SimulationSide): SimulationReport['base'] {
  return { label: s.label, revision: s.bundle.manifest.revision, digest: s.bundle.manifest.digest, campaigns: s.bundle.manifest.counts.campaigns };
}

/** Replays sessions already in memory (tests, the bench's small runs); the stream form is in stream.ts. */
export function simulateSessions(base: SimulationSide, head: SimulationSide, sessions: Iterable<Session>, options: ReplayOptions = {}): SimulationReport {
  const replay = new Replay(base, head, options);
  let line = 0;
  for (const s of sessions) replay.session(s, ++line);
  return replay.report();
}
