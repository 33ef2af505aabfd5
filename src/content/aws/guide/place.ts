// Where the callout goes: beside the ringed control, on the side that covers the fewest of the fields the
// user is asked to check. Pure geometry, so every case is a unit test.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Spot {
  left: number;
  top: number;
}

/** A spot and how much of the fields it covers (px²; 0 when clear). */
export interface Choice extends Spot {
  covered: number;
  /** Next to the ring, not in a corner of the viewport. */
  near: boolean;
}

export const GAP = 12;
/** How far the ring reaches outside its control (see the ring's offset and halo in style.ts). */
export const RING_REACH = 8;

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/**
 * The callout's spot for a callout of `size` next to `target` (null: no ring, a corner), in a viewport
 * of `view`, covering as little of `keepClear` as it can and never the ring. Ties go to the first spot in
 * the order of preference: below, above, left of, right of the ring, then the viewport's corners.
 */
export function chooseSpot(target: Box | null, size: { width: number; height: number }, view: { width: number; height: number }, keepClear: Box[]): Choice {
  const { width: w, height: h } = size;
  const maxLeft = Math.max(GAP, view.width - w - GAP);
  const maxTop = Math.max(GAP, view.height - h - GAP);
  const spots: Spot[] = [];
  const never: Box[] = [];
  if (target) {
    const { left, top, width, height } = target;
    spots.push(
      { left: left + width - w, top: top + height + GAP },
      { left: left + width - w, top: top - GAP - h },
      { left: left - GAP - w, top: top + height - h },
      { left: left + width + GAP, top },
    );
    // Covering the ring costs more than covering every field: it is what the user looks for.
    never.push({ left: left - RING_REACH, top: top - RING_REACH, width: width + 2 * RING_REACH, height: height + 2 * RING_REACH });
  }
  const sides = spots.length;
  spots.push({ left: maxLeft, top: maxTop }, { left: maxLeft, top: GAP }, { left: GAP, top: maxTop }, { left: GAP, top: GAP });
  let best: Choice | null = null;
  for (const [index, raw] of spots.entries()) {
    const spot = { left: clamp(raw.left, GAP, maxLeft), top: clamp(raw.top, GAP, maxTop) };
    const box = { ...spot, width: w, height: h };
    const covered = never.reduce((sum, b) => sum + overlap(box, b) * 1e6, 0) + keepClear.reduce((sum, b) => sum + overlap(box, b), 0);
    if (!best || covered < best.covered) best = { ...spot, covered, near: index < sides };
    if (covered === 0) break;
  }
  return best as Choice;
}
