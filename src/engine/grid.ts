// Which geofence bounding boxes hold a point, by a uniform grid over them: the point's cell is two
// subtractions and two divisions away, and the cell lists the few boxes overlapping it. For point
// queries this is several times faster than walking flatbush's tree (which allocates a queue and a
// result array per search, and was a sixth of an evaluation). It only pays when the boxes are spread
// fairly evenly; when a cell would list many of them, build() declines and the caller keeps flatbush.
export type Box = readonly [number, number, number, number];

/** A cell listing more boxes than this makes the grid decline: a query would cost more than the tree's. */
const MAX_PER_CELL = 32;
/** About this many cells per box, as a square-ish grid over the boxes' extent. */
const CELLS_PER_BOX = 4;
const MAX_SIDE = 2048;

export class BoxGrid {
  private constructor(
    private readonly boxes: Float64Array,
    private readonly minX: number,
    private readonly minY: number,
    private readonly maxX: number,
    private readonly maxY: number,
    /** Cells per unit of x and of y (multiplying is cheaper than dividing by the cell size). */
    private readonly perX: number,
    private readonly perY: number,
    private readonly cols: number,
    private readonly rows: number,
    /** Boxes of cell k are items[start[k]] … items[start[k + 1] - 1]. */
    private readonly start: Uint32Array,
    private readonly items: Uint32Array,
  ) {}

  /** The grid over these boxes, or undefined when they are too unevenly spread for one. */
  static build(list: readonly Box[]): BoxGrid | undefined {
    const n = list.length;
    if (n === 0) return undefined;
    const boxes = new Float64Array(n * 4);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const [x0, y0, x1, y1] = list[i]!;
      boxes.set([x0, y0, x1, y1], i * 4);
      minX = Math.min(minX, x0);
      minY = Math.min(minY, y0);
      maxX = Math.max(maxX, x1);
      maxY = Math.max(maxY, y1);
    }
    if (!Number.isFinite(minX + minY + maxX + maxY)) return undefined;
    const width = maxX - minX;
    const height = maxY - minY;
    const cells = CELLS_PER_BOX * n;
    const aspect = width > 0 && height > 0 ? width / height : 1;
    const cols = width > 0 ? clamp(Math.round(Math.sqrt(cells * aspect)), 1, MAX_SIDE) : 1;
    const rows = height > 0 ? clamp(Math.round(cells / cols), 1, MAX_SIDE) : 1;
    const perX = width > 0 ? cols / width : 1;
    const perY = height > 0 ? rows / height : 1;
    if (!(Number.isFinite(perX) && Number.isFinite(perY))) return undefined; // an extent too thin to divide

    // Two passes, counting then filling, so the lists are two flat typed arrays.
    const start = new Uint32Array(cols * rows + 1);
    const each = (i: number, visit: (k: number) => void): void => {
      const cx1 = cell(boxes[i * 4 + 2]!, minX, perX, cols);
      const cy1 = cell(boxes[i * 4 + 3]!, minY, perY, rows);
      for (let cy = cell(boxes[i * 4 + 1]!, minY, perY, rows); cy <= cy1; cy++) {
        for (let cx = cell(boxes[i * 4]!, minX, perX, cols); cx <= cx1; cx++) visit(cy * cols + cx);
      }
    };
    for (let i = 0; i < n; i++)
      each(i, (k) => {
        start[k + 1]!++;
      });
    let largest = 0;
    for (let k = 0; k < cols * rows; k++) {
      largest = Math.max(largest, start[k + 1]!);
      start[k + 1]! += start[k]!;
    }
    if (largest > MAX_PER_CELL) return undefined;
    const items = new Uint32Array(start[cols * rows]!);
    const fill = start.slice(0, cols * rows);
    for (let i = 0; i < n; i++)
      each(i, (k) => {
        items[fill[k]!++] = i;
      });
    return new BoxGrid(boxes, minX, minY, maxX, maxY, perX, perY, cols, rows, start, items);
  }

  /** Calls visit(i) for each box i holding (x, y), boundary included, in no particular order. */
  forEachHolding(x: number, y: number, visit: (i: number) => void): void {
    if (typeof x !== 'number' || typeof y !== 'number' || x !== x || y !== y) {
      // Not a plain number (NaN, or a string from an unchecked caller): what flatbush answers, the
      // boxes the comparisons below do not rule out, by testing them all.
      for (let i = 0; i < this.boxes.length / 4; i++) if (this.holds(i, x, y)) visit(i);
      return;
    }
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return;
    const k = cell(y, this.minY, this.perY, this.rows) * this.cols + cell(x, this.minX, this.perX, this.cols);
    for (let j = this.start[k]!; j < this.start[k + 1]!; j++) {
      const i = this.items[j]!;
      if (this.holds(i, x, y)) visit(i);
    }
  }

  /** flatbush's test for a point query, written the same way so that NaN compares the same. */
  private holds(i: number, x: number, y: number): boolean {
    const b = this.boxes;
    return !(x < b[i * 4]! || y < b[i * 4 + 1]! || x > b[i * 4 + 2]! || y > b[i * 4 + 3]!);
  }
}

/** The cell a coordinate falls in, the same way for the boxes' corners and for a query. */
function cell(v: number, min: number, perUnit: number, count: number): number {
  return clamp(Math.floor((v - min) * perUnit), 0, count - 1);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
