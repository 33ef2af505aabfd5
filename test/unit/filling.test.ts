// @vitest-environment happy-dom
// Fill, then hold: the guide says "filled" only for a value the page holds. A component that puts its own value
// back on a timer of its own (stretched by a busy machine past the first hold window) must not get a "filled"
// between two of its resets.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (id: string) => id } } }));

const { Filling, HOLD_AFTER_RESET_MS, HOLD_MS } = await import('../../src/content/aws/pages/filling');
import type { Guide, GuideContent } from '../../src/content/aws/guide/guide';

/** A control whose component puts `own` back after each of our first sets, `delays[i]` ms after the i-th. */
function stubbornControl(delays: number[]) {
  const control = document.createElement('div');
  document.body.append(control);
  const state = { value: 'own', timeline: [] as { at: number; value: string }[] };
  let sets = 0;
  const write = (value: string) => {
    state.value = value;
    state.timeline.push({ at: performance.now(), value });
  };
  const apply = () => {
    write('ours');
    const delay = delays[sets++];
    if (delay !== undefined) setTimeout(() => write('own'), delay);
    return true;
  };
  return { control, state, apply };
}

/** A value set on a stubborn control (see above) and held by a Filling, as a page module does. */
function holding(delays: number[], giveUp: () => void = () => undefined) {
  const { control, state, apply } = stubbornControl(delays);
  const filling = new Filling(new AbortController().signal);
  apply();
  filling.hold({ label: 'Policy document', value: 'all regions' }, { apply, holds: () => state.value === 'ours', control: () => control, giveUp });
  return { control, state, filling };
}

/** A guide that records what it was asked to show, and when. */
function recordingGuide() {
  const shown: { at: number; content: GuideContent }[] = [];
  const guide: Guide = { show: (content) => void shown.push({ at: performance.now(), content }), hide: () => undefined };
  return { guide, shown };
}
const saysFilled = (c: GuideContent | undefined) => (c?.filled ?? []).some((r) => r.label === 'Policy document');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fill, then hold', () => {
  it('a value the page put back holds HOLD_AFTER_RESET_MS before "filled": a slow component timer cannot slip in after it', async () => {
    expect(HOLD_AFTER_RESET_MS).toBeGreaterThan(HOLD_MS);
    // The first reset comes 100 ms after our set, the next 500 ms after ours again: a component timer a busy
    // machine stretched past HOLD_MS.
    const { control, state, filling } = holding([100, 500]);
    const { guide, shown } = recordingGuide();
    await filling.confirm();
    filling.present(guide, { title: 'Next' });
    await wait(800);
    // Read back from the control's own timeline: no reset after the callout said "filled".
    const resets = state.timeline.filter((t) => t.value === 'own').map((t) => t.at);
    expect(resets).toHaveLength(2);
    expect(shown.filter((s) => saysFilled(s.content)).every((s) => s.at > Math.max(...resets))).toBe(true);
    expect(saysFilled(shown.at(-1)?.content)).toBe(true);
    expect(state.value).toBe('ours');
  });

  it('put back after the callout said "filled": out of the filled rows, its control ringed, set again, and filled again once it held', async () => {
    // Held through HOLD_MS, then put back 400 ms after our set (once).
    const { control, state, filling } = holding([400]);
    const { guide, shown } = recordingGuide();
    await filling.confirm();
    filling.present(guide, { title: 'Next' });
    expect(saysFilled(shown[0]?.content)).toBe(true);
    await vi.waitFor(() => expect(shown.some((s) => !saysFilled(s.content))).toBe(true), { timeout: 2000 });
    const settling = shown.find((s) => !saysFilled(s.content))?.content;
    expect(settling?.problems).toContain('guideConsoleResetting');
    expect(settling?.fix).toBe(control);
    expect(state.value).toBe('ours');
    const reset = state.timeline.find((t) => t.value === 'own')?.at ?? 0;
    await vi.waitFor(() => expect(saysFilled(shown.at(-1)?.content)).toBe(true), { timeout: 4000 });
    const last = shown.at(-1);
    expect(last?.content.problems ?? []).not.toContain('guideConsoleResetting');
    expect((last?.at ?? 0) - reset).toBeGreaterThanOrEqual(HOLD_AFTER_RESET_MS);
  });

  it('a value the page keeps putting back is given up after the refills, never said filled', async () => {
    const gaveUp: string[] = [];
    const { filling } = holding(Array(100).fill(100), () => void gaveUp.push('Policy document'));
    await filling.confirm();
    expect(filling.filled).toEqual([]);
    expect(gaveUp).toEqual(['Policy document']);
  });
});

describe('several text fields of one step', () => {
  type Field = HTMLInputElement | HTMLTextAreaElement;
  const input = () => document.body.appendChild(document.createElement('input'));
  const at = (el: Field) => ({ status: 'found', el }) as const;

  it('finds every field before it sets the first: a set makes the console re-render', () => {
    const [name, description] = [input(), input()];
    const order: string[] = [];
    name.addEventListener('input', () => order.push('name set'));
    description.addEventListener('input', () => order.push('description set'));
    const filling = new Filling(new AbortController().signal);
    filling.texts([
      { locate: () => (order.push('name found'), at(name)), label: 'Role name', value: 'dockercloud-role' },
      { locate: () => (order.push('description found'), at(description)), label: 'Description', value: 'Docker Cloud' },
    ]);
    expect(order).toEqual(['name found', 'description found', 'name set', 'description set']);
    expect([name.value, description.value]).toEqual(['dockercloud-role', 'Docker Cloud']);
    expect(filling.filled.map((r) => r.label)).toEqual(['Role name', 'Description']);
  });

  it('a field the first set re-mounted is found again, and the new one is filled', () => {
    const name = input();
    let description = input();
    // The console re-renders the description's control when the name changes.
    name.addEventListener('input', () => {
      const fresh = document.createElement('input');
      description.replaceWith(fresh);
      description = fresh;
    });
    const before = description;
    const filling = new Filling(new AbortController().signal);
    filling.texts([
      { locate: () => at(name), label: 'Role name', value: 'dockercloud-role' },
      { locate: () => at(description), label: 'Description', value: 'Docker Cloud' },
    ]);
    expect(before.isConnected).toBe(false);
    expect(before.value).toBe('');
    expect(description.value).toBe('Docker Cloud');
    expect(filling.filled.map((r) => r.label)).toEqual(['Role name', 'Description']);
  });

  it('a field not found with certainty before the first set is not guessed afterwards', () => {
    const name = input();
    const filling = new Filling(new AbortController().signal);
    filling.texts([
      { locate: () => at(name), label: 'Role name', value: 'dockercloud-role' },
      { locate: () => ({ status: 'ambiguous' }), label: 'Description', value: 'Docker Cloud' },
    ]);
    expect(filling.filled.map((r) => r.label)).toEqual(['Role name']);
    expect(filling.copy).toEqual([{ label: 'Description', value: 'Docker Cloud' }]);
  });
});
