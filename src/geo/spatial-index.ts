// Candidate pairs by bounding box: flatbush (a packed static R-tree) instead of all pairs. The exact
// test runs only on pairs whose boxes touch; `naiveBoxPairs` exists for the benchmark and for tests
// that prove both give the same pairs.
import Flatbush from 'flatbush';
import { bboxesIntersect, isEmptyBBox } from './bbox.js';
import type { BBox } from './types.js';

/** Index pairs [i, j] with i < j whose boxes intersect or touch, sorted. */
export function boxPairs(boxes: readonly BBox[]): [number, number][] {
  const live = boxes.map((b, i) => (isEmptyBBox(b) ? -1 : i)).filter((i) => i >= 0);
  if (live.length < 2) return [];
  const index = new Flatbush(live.length);
  for (const i of live) {
    const b = boxes[i]!;
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  const out: [number, number][] = [];
  live.forEach((i, k) => {
    const b = boxes[i]!;
    for (const hit of index.search(b[0], b[1], b[2], b[3])) {
      if (hit > k) out.push([i, live[hit]!]);
    }
  });
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** The same result as `boxPairs`, by testing every pair: O(n²), for comparison only. */
export function naiveBoxPairs(boxes: readonly BBox[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    if (isEmptyBBox(boxes[i]!)) continue;
    for (let j = i + 1; j < boxes.length; j += 1) {
      if (!isEmptyBBox(boxes[j]!) && bboxesIntersect(boxes[i]!, boxes[j]!)) out.push([i, j]);
    }
  }
  return out;
}
