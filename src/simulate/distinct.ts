// Distinct customers without a set of strings per campaign: ids are interned once (one table for the
// whole replay) and each customer keeps a bit per campaign. Memory grows with the number of distinct
// customers, never with the number of sessions.
import { holding } from './grow.js';

/** Int32s per slot: hash, index + 1 (0: empty), length (−1: kept as a string), then the characters. */
const SLOT = 8;
/** Ids of up to this many characters below U+0100 are held in their slot, four to an int32. */
const INLINE = 20;

/**
 * Ids to dense indexes, in an open-addressing table of its own rather than a Map. Every session's
 * customer is looked up among tens of thousands, between the other work of a replay, so each lookup
 * pays for its cache misses in full: a Map (or a table of indexes into an array of strings) reads its
 * bucket, then the entry, then the key string, three dependent misses to memory. Here an id of up to 20
 * Latin-1 characters (nearly every customer id) sits in its 32-byte slot, so a lookup reads one slot
 * and compares integers; a longer id is kept as a string and compared as one.
 */
export class Interner {
  private slots = new Int32Array(SLOT * 1024);
  /** Ids not held in their slot, by index. */
  private readonly long = new Map<number, string>();
  private count = 0;
  /** The id being looked up, packed as in a slot. */
  private readonly key = new Int32Array(SLOT - 3);
  // The replay interns a session's customer, then both sides' ledgers ask for the same string: the last
  // answer is kept so they compare one pointer instead of looking the id up again.
  private last: string | undefined;
  private lastIndex = -1;
  /** Where find() stopped for `last` when it was missing, and what it read: index() fills that slot. */
  private lastSlot = -1;
  private lastHash = 0;
  private lastLength = 0;

  /** A dense index for the id (0, 1, 2, ... in order of first sight). */
  index(id: string): number {
    if (typeof id !== 'string') throw new TypeError(`a customer id to intern must be a string, not ${JSON.stringify(id)}`);
    const found = this.find(id);
    if (found >= 0) return found;
    const i = this.count++;
    const at = this.lastSlot;
    this.slots[at] = this.lastHash;
    this.slots[at + 1] = i + 1;
    this.slots[at + 2] = this.lastLength;
    if (this.lastLength < 0) this.long.set(i, id);
    else this.slots.set(this.key, at + 3);
    this.lastIndex = i;
    // At most half full, so probes stay short.
    if (this.count * 2 * SLOT > this.slots.length) this.grow();
    return i;
  }

  /**
   * The id's index, or -1 when it was never interned. The engine hands usage counters the context's
   * customer id as given, which an unchecked caller may make null or a number: those were never interned.
   */
  find(id: string): number {
    if (typeof id !== 'string') return -1;
    if (id === this.last) return this.lastIndex;
    const key = this.key;
    key.fill(0);
    let h = 0x811c9dc5 | 0;
    let inline = id.length <= INLINE;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      if (c > 0xff) inline = false;
      else if (inline) key[i >> 2] = key[i >> 2]! | (c << ((i & 3) << 3));
    }
    const length = inline ? id.length : -1;
    const slots = this.slots;
    const mask = slots.length - SLOT;
    let at = Math.imul(h, SLOT) & mask;
    for (; ; at = (at + SLOT) & mask) {
      const entry = slots[at + 1]!;
      if (entry === 0) break;
      if (slots[at] !== h || slots[at + 2] !== length) continue;
      if (
        inline
          ? slots[at + 3] === key[0] && slots[at + 4] === key[1] && slots[at + 5] === key[2] && slots[at + 6] === key[3] && slots[at + 7] === key[4]
          : this.long.get(entry - 1) === id
      ) {
        this.last = id;
        this.lastIndex = entry - 1;
        return entry - 1;
      }
    }
    this.last = id;
    this.lastIndex = -1;
    this.lastSlot = at;
    this.lastHash = h;
    this.lastLength = length;
    return -1;
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - SLOT;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] === 0) continue;
      let to = Math.imul(old[at]!, SLOT) & mask;
      while (slots[to + 1] !== 0) to = (to + SLOT) & mask;
      for (let k = 0; k < SLOT; k++) slots[to + k] = old[at + k]!;
    }
    this.slots = slots;
    // A slot remembered for a missing id belongs to the old table.
    this.last = undefined;
  }
}

/**
 * Which campaigns each customer was counted for, as a row of bits per customer (the campaigns of both
 * sides side by side), and how many customers each campaign has. A set per campaign put a session's
 * campaigns in as many places in memory, one cache miss each, ~0.4 µs a session; a session's row is one.
 * Memory is a bit per customer and campaign either way.
 */
export class CustomerCampaigns {
  private rows: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private readonly width: number;
  private readonly counts: Int32Array;

  constructor(columns: number) {
    this.width = Math.max(1, Math.ceil(columns / 32));
    this.counts = new Int32Array(columns);
  }

  /** Counts customer (an interned index) for the campaign of column `column`, once. */
  add(customer: number, column: number): void {
    const at = customer * this.width + (column >>> 5);
    this.rows = holding(this.rows, at);
    const bit = 1 << (column & 31);
    const word = this.rows[at]!;
    if ((word & bit) === 0) {
      this.rows[at] = word | bit;
      this.counts[column]! += 1;
    }
  }

  /** Distinct customers counted for column `column`. */
  count(column: number): number {
    return this.counts[column]!;
  }
}
