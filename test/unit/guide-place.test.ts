// Where the callout goes, and how it quotes the page's button names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedName, NAME_LIMIT } from '../../src/content/aws/guide/name';
import { chooseSpot, GAP, RING_REACH, type Box } from '../../src/content/aws/guide/place';
import { checklistStep } from '../../src/content/aws/guide/step';
import { STEPS } from '../../src/core/flow';

const VIEW = { width: 1280, height: 800 };
const SIZE = { width: 360, height: 220 };
const area = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
const at = (spot: { left: number; top: number }, size = SIZE): Box => ({ ...spot, ...size });
const ringOf = (r: Box): Box => ({ left: r.left - RING_REACH, top: r.top - RING_REACH, width: r.width + 2 * RING_REACH, height: r.height + 2 * RING_REACH });

describe('chooseSpot', () => {
  const next: Box = { left: 1100, top: 700, width: 80, height: 32 };

  it('puts the callout below a button when there is room, clear of it', () => {
    const button: Box = { left: 1100, top: 300, width: 80, height: 32 };
    const spot = chooseSpot(button, SIZE, VIEW, []);
    expect(spot.top).toBe(button.top + button.height + GAP);
    expect(area(at(spot), ringOf(button))).toBe(0);
  });

  it('moves above when the button is at the bottom, and beside it when the fields above would be covered', () => {
    expect(chooseSpot(next, SIZE, VIEW, []).top).toBe(next.top - GAP - SIZE.height);
    // The form's fields fill the column above Next (Account ID, External ID and its hint).
    const fields: Box[] = [
      { left: 700, top: 420, width: 480, height: 32 },
      { left: 700, top: 500, width: 480, height: 32 },
      { left: 700, top: 540, width: 480, height: 40 },
    ];
    const spot = chooseSpot(next, SIZE, VIEW, fields);
    for (const field of fields) expect(area(at(spot), field)).toBe(0);
    expect(area(at(spot), ringOf(next))).toBe(0);
  });

  it('puts the callout beside a ringed field when above and below are fields too', () => {
    const field: Box = { left: 200, top: 300, width: 400, height: 32 };
    const others: Box[] = [{ left: 200, top: 40, width: 400, height: 240 }, { left: 200, top: 350, width: 400, height: 400 }];
    const spot = chooseSpot(field, SIZE, VIEW, others);
    expect(spot.left).toBe(field.left + field.width + GAP);
    for (const other of others) expect(area(at(spot), other)).toBe(0);
  });

  it('without a ring, goes to a free corner', () => {
    expect(chooseSpot(null, SIZE, VIEW, [])).toMatchObject({ left: VIEW.width - SIZE.width - GAP, top: VIEW.height - SIZE.height - GAP });
    const bottomRight: Box = { left: 800, top: 500, width: 480, height: 300 };
    const spot = chooseSpot(null, SIZE, VIEW, [bottomRight]);
    expect(area(at(spot), bottomRight)).toBe(0);
  });

  it('always stays in the viewport, never covers the ring when the viewport has room, and covers no field when a free spot exists', () => {
    const box = (maxW: number, maxH: number) =>
      fc.record({ left: fc.integer({ min: 0, max: maxW }), top: fc.integer({ min: 0, max: maxH }), width: fc.integer({ min: 10, max: 300 }), height: fc.integer({ min: 10, max: 60 }) });
    fc.assert(
      fc.property(box(1200, 760), fc.array(box(1200, 760), { maxLength: 8 }), (target, fields) => {
        const spot = chooseSpot(target, SIZE, VIEW, fields);
        const callout = at(spot);
        expect(spot.left).toBeGreaterThanOrEqual(GAP);
        expect(spot.top).toBeGreaterThanOrEqual(GAP);
        expect(spot.left + SIZE.width).toBeLessThanOrEqual(VIEW.width - GAP);
        expect(spot.top + SIZE.height).toBeLessThanOrEqual(VIEW.height - GAP);
        // Four corners are always candidates: one of them is clear of a ring this small.
        expect(area(callout, ringOf(target))).toBe(0);
        // If a corner is free of both ring and fields, the chosen spot covers no field either.
        const corners = [
          { left: VIEW.width - SIZE.width - GAP, top: VIEW.height - SIZE.height - GAP },
          { left: VIEW.width - SIZE.width - GAP, top: GAP },
          { left: GAP, top: VIEW.height - SIZE.height - GAP },
          { left: GAP, top: GAP },
        ];
        const free = corners.some((c) => area(at(c), ringOf(target)) === 0 && fields.every((f) => area(at(c), f) === 0));
        if (free) for (const f of fields) expect(area(callout, f)).toBe(0);
      }),
    );
  });
});

describe('quotedName', () => {
  it("quotes the page's own words, on one line", () => {
    expect(quotedName('  Richtlinie\n   erstellen ')).toBe('Richtlinie erstellen');
    expect(quotedName('次へ')).toBe('次へ');
    expect(quotedName('   ')).toBeNull();
  });

  it('drops direction overrides and control characters, and bounds the length', () => {
    expect(quotedName('Next\u202e\u0007evil')).toBe('Next evil');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => {
        const name = quotedName(raw);
        if (name === null) return;
        expect([...name].length).toBeLessThanOrEqual(NAME_LIMIT);
        expect(name).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\n]/);
      }),
    );
  });
});

describe('checklistStep', () => {
  it("counts the popup checklist's steps, the next one to do as n", () => {
    expect(checklistStep('policyCreated')).toEqual([1, STEPS.length]);
    expect(checklistStep('roleCreated')).toEqual([2, STEPS.length]);
    expect(checklistStep('linkConfirmed')).toEqual([STEPS.length, STEPS.length]);
  });
});
