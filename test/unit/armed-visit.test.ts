// @vitest-environment happy-dom
// The content side of the armed-visit gate: a console page is filled only on a visit the extension armed
// (it opened the tab for the link's next step) or the user armed by pressing the offer. Unarmed, the page
// gets only the offer, and the visit waits for that press; a page of another step gets nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../src/content/aws/page';
import type { GuideContent } from '../../src/content/aws/guide/guide';

const calls = vi.hoisted(() => ({ armTab: [] as string[], reportFor: [] as unknown[], shown: [] as GuideContent[] }));

vi.mock('../../src/content/aws/messages', () => ({
  reportFor: (plan: unknown) => void calls.reportFor.push(plan),
  armTab: (namespace: string) => {
    calls.armTab.push(namespace);
    return Promise.resolve({ ...plan, armed: true });
  },
  getPlan: () => Promise.resolve(null),
  onPlanChanged: () => () => undefined,
}));
vi.mock('../../src/content/aws/guide/guide', () => ({
  createGuide: () => ({ show: (content: GuideContent) => void calls.shown.push(content), hide: () => undefined }),
}));
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (id: string) => id } } }));

const { admitVisit } = await import('../../src/content/aws/armed');

const plan = { namespace: 'moby', roleName: 'dockercloud-role', task: 'createRole', armed: false } as unknown as Plan;
const wizard = { id: 'roleTrustedEntity', checklistStep: 'roleCreated' } as const;

/** Whether the promise has settled once pending callbacks ran (the gate answers at once when it can). */
async function settled<T>(promise: Promise<T>): Promise<{ value: T } | null> {
  let result: { value: T } | null = null;
  void promise.then((value) => (result = { value }));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return result;
}

beforeEach(() => {
  calls.armTab.length = 0;
  calls.reportFor.length = 0;
  calls.shown.length = 0;
});

describe('admitVisit', () => {
  it('an armed visit of the step in progress is admitted at once (no promise: filled in the task that rendered it), and its reports name that plan', () => {
    const armed = { ...plan, armed: true };
    expect(admitVisit(wizard, armed, new AbortController().signal)).toBe(armed);
    expect(calls.reportFor).toEqual([armed]);
    expect(calls.shown).toEqual([]);
  });

  it('an unarmed visit only shows the offer: not admitted, no reports, until the user presses it', async () => {
    const visit = new AbortController();
    const admitted = admitVisit(wizard, plan, visit.signal);
    expect(admitted).toBeInstanceOf(Promise);
    expect(await settled(Promise.resolve(admitted))).toBeNull();
    expect(calls.reportFor).toEqual([]);
    expect(calls.armTab).toEqual([]);
    const offer = calls.shown.at(-1)?.actions?.[0];
    expect(offer).toBeDefined();
    offer?.run();
    expect(await admitted).toMatchObject({ namespace: 'moby', armed: true });
    expect(calls.armTab).toEqual(['moby']);
    expect(calls.reportFor).toHaveLength(1);
  });

  it('an unarmed visit the user leaves without pressing the offer is never admitted', async () => {
    const visit = new AbortController();
    const admitted = admitVisit(wizard, plan, visit.signal);
    visit.abort();
    expect(await admitted).toBeNull();
    expect(calls.reportFor).toEqual([]);
  });

  it('a page of another step than the one in progress is left alone, armed or not', async () => {
    const review = { id: 'policyEditor', checklistStep: 'policyCreated' } as const;
    for (const armed of [false, true]) expect(await admitVisit(review, { ...plan, armed }, new AbortController().signal)).toBeNull();
    expect(calls.shown).toEqual([]);
    expect(calls.reportFor).toEqual([]);
  });
});
