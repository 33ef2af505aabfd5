// @vitest-environment happy-dom
// The trusted-entity step and the checkbox primitive on a bare DOM that is no replica. "Require MFA: not
// ticked" is a claim about the box, so it must come from reading the box: a box that starts ticked, one the
// page ticks again, one that cannot be changed. A control found twice is filled in neither place, one in the
// console's global header is not a candidate at all, and a value the page resets is set again or not claimed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsPlan } from '../../src/core/schemas';
import { render } from './messages';

vi.mock('webextension-polyfill', async () => {
  const { render: text } = await import('./messages');
  return { default: { i18n: { getMessage: (id: string, subs: string[] = []) => text(id as never, ...subs) } } };
});

const { setChecked } = await import('../../src/content/aws/dom/controls');
const { default: trustedEntityPage } = await import('../../src/content/aws/pages/role-trusted-entity');

type Plan = NonNullable<AwsPlan>;
type Shown = { title: string; filled?: { label: string; value: string }[]; copy?: { label: string; value: string }[]; problems?: string[] };

const MFA = render('awsFieldRequireMfa');
const plan = { namespace: 'moby', externalId: 'moby', trustedAccountId: '689684103426', roleName: 'dockercloud-role' } as unknown as Plan;

/** The trusted-entity step as a bare form: the AWS account tile, "Another AWS account", the account, external ID and MFA boxes. */
function mountStep(mfa: { checked: boolean; disabled?: boolean }, twice: { accountId?: boolean; mfa?: boolean } = {}, around = (form: string) => form): HTMLInputElement {
  document.body.innerHTML = around(`
    <div class="awsui_tile-container_vj6p7_1" data-value="AWS_ACCOUNT"><input type="radio" name="entity" aria-labelledby="tile"><span id="tile">AWS account</span></div>
    <div role="radiogroup">
      <input type="radio" name="account" aria-labelledby="another"><span id="another">Another AWS account</span>
      <label for="account-id">Account ID</label><input id="account-id" type="text">
      ${twice.accountId ? '<label for="account-id-2">Account ID</label><input id="account-id-2" type="text">' : ''}
    </div>
    <div>
      <input type="checkbox" id="require-external" aria-labelledby="require-external-label"><span id="require-external-label">Require external ID</span>
      <label for="external-id">External ID</label><input id="external-id" type="text">
    </div>
    <div><input type="checkbox" id="mfa" aria-labelledby="mfa-label"><span id="mfa-label">Require MFA</span></div>
    ${twice.mfa ? '<div><input type="checkbox" id="mfa-2" checked aria-labelledby="mfa-label-2"><span id="mfa-label-2">Require MFA</span></div>' : ''}
    <button class="awsui_primary-button_1xupv_1">Next</button>`);
  const box = document.getElementById('mfa') as HTMLInputElement;
  box.checked = mfa.checked;
  box.disabled = mfa.disabled ?? false;
  return box;
}

/** Visits still holding their values; each test's visit ends (the user left) before the next mounts its page. */
const visits: AbortController[] = [];

/** Runs the step as the router would and returns what its guide showed last. */
async function runStep(): Promise<Shown> {
  const shown: Shown[] = [];
  const guide = { show: (content: Shown) => void shown.push(content), hide: () => undefined };
  const route = { path: 'roles/create', query: new URLSearchParams('step=selectEntities') };
  const visit = new AbortController();
  visits.push(visit);
  await trustedEntityPage.run({ plan, route, guide } as never, visit.signal);
  const last = shown.at(-1);
  if (!last) throw new Error('the step showed nothing');
  return last;
}

const saysNotTicked = (s: Shown) => (s.filled ?? []).some((row) => row.label === MFA);
const asksByHand = (s: Shown) => (s.problems ?? []).some((p) => p.includes(MFA));

beforeEach(() => {
  for (const visit of visits.splice(0)) visit.abort();
  document.body.innerHTML = '';
});

describe('the trusted-entity step reads the MFA box it claims', () => {
  it('a box that starts ticked is unticked, and only then said to be "not ticked"', async () => {
    const box = mountStep({ checked: true });
    const shown = await runStep();
    expect(box.checked).toBe(false);
    expect(saysNotTicked(shown)).toBe(true);
  });

  it('a box the page ticks again is never said to be "not ticked": the user is asked to untick it', async () => {
    const box = mountStep({ checked: true });
    // The console's component puts its own state back after the click (a controlled checkbox that ignored it).
    box.addEventListener('click', () => queueMicrotask(() => (box.checked = true)));
    const shown = await runStep();
    expect(box.checked).toBe(true);
    expect(saysNotTicked(shown)).toBe(false);
    expect(asksByHand(shown)).toBe(true);
  });

  it('a ticked box that cannot be changed is never said to be "not ticked"', async () => {
    const box = mountStep({ checked: true, disabled: true });
    const shown = await runStep();
    expect(box.checked).toBe(true);
    expect(saysNotTicked(shown)).toBe(false);
    expect(asksByHand(shown)).toBe(true);
  });

  it('an unticked box stays unticked and is said to be so (control)', async () => {
    const box = mountStep({ checked: false });
    const shown = await runStep();
    expect(box.checked).toBe(false);
    expect(saysNotTicked(shown)).toBe(true);
    expect(asksByHand(shown)).toBe(false);
  });
});

describe('the exactly-one rule on the same step', () => {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

  it('two "Account ID" fields in the trusted-account section: neither is typed into, the account ID is offered to copy', async () => {
    mountStep({ checked: false }, { accountId: true });
    const shown = await runStep();
    expect([value('account-id'), value('account-id-2')]).toEqual(['', '']);
    expect(shown.copy).toContainEqual({ label: render('awsFieldAccountId'), value: '689684103426' });
    expect((shown.filled ?? []).map((r) => r.label)).not.toContain(render('awsFieldAccountId'));
  });

  it('two "Require MFA" boxes: neither is touched nor claimed, the user is asked to set it', async () => {
    const first = mountStep({ checked: true }, { mfa: true });
    const shown = await runStep();
    expect([first.checked, (document.getElementById('mfa-2') as HTMLInputElement).checked]).toEqual([true, true]);
    expect(saysNotTicked(shown)).toBe(false);
    expect(asksByHand(shown)).toBe(true);
  });

  it('one of each: both filled (control)', async () => {
    mountStep({ checked: false });
    const shown = await runStep();
    expect(value('account-id')).toBe('689684103426');
    expect(value('external-id')).toBe('moby');
    expect(shown.copy ?? []).toEqual([]);
  });
});

describe('the scoped-region rule on the same step', () => {
  // The console's global header (search, account menu) around the page's own content, with look-alikes of the
  // step's controls in it: never candidates, so the step's own controls are found exactly once.
  const withHeader = (form: string) => `
    <header role="banner"><form role="search">
      <label for="decoy-account">Account ID</label><input id="decoy-account" type="text">
      <input type="checkbox" id="decoy-mfa" checked aria-labelledby="decoy-mfa-label"><span id="decoy-mfa-label">Require MFA</span>
    </form></header>
    <main>${form}</main>`;

  it('look-alikes in the global header are never touched, and the main content\'s controls are filled', async () => {
    const box = mountStep({ checked: true }, {}, withHeader);
    const shown = await runStep();
    expect((document.getElementById('decoy-account') as HTMLInputElement).value).toBe('');
    expect((document.getElementById('decoy-mfa') as HTMLInputElement).checked).toBe(true);
    expect((document.getElementById('account-id') as HTMLInputElement).value).toBe('689684103426');
    expect(box.checked).toBe(false);
    expect(saysNotTicked(shown)).toBe(true);
    expect(shown.copy ?? []).toEqual([]);
  });
});

describe('fill and hold on the same step', () => {
  const EXTERNAL_ID = render('awsFieldExternalId');
  /** The page's component puts its own (empty) value back after ours, `times` times. */
  function resets(field: HTMLInputElement, times: number): void {
    let left = times;
    field.addEventListener('input', () => {
      if (left-- > 0) setTimeout(() => (field.value = ''));
    });
  }

  it('a value the page resets once is set again, and said to be filled only once it holds', async () => {
    mountStep({ checked: false });
    const field = document.getElementById('external-id') as HTMLInputElement;
    resets(field, 1);
    const shown = await runStep();
    expect(field.value).toBe('moby');
    expect(shown.filled).toContainEqual({ label: EXTERNAL_ID, value: 'moby' });
    expect((shown.problems ?? []).some((p) => p.includes(EXTERNAL_ID))).toBe(false);
  });

  it('a value the page resets every time is never said to be filled: the user is asked to enter it', async () => {
    mountStep({ checked: false });
    const field = document.getElementById('external-id') as HTMLInputElement;
    resets(field, Infinity);
    const shown = await runStep();
    expect(field.value).toBe('');
    expect((shown.filled ?? []).map((r) => r.label)).not.toContain(EXTERNAL_ID);
    expect(shown.problems).toContain(render('guideConsoleReset', EXTERNAL_ID, 'moby'));
  });
});

describe('the checkbox primitive reports the box, not the intent', () => {
  const box = (checked: boolean) => {
    document.body.innerHTML = '<input type="checkbox" id="b">';
    const el = document.getElementById('b') as HTMLInputElement;
    el.checked = checked;
    return el;
  };

  it('setChecked says true only when the box reads back as asked', () => {
    const reverting = box(true);
    reverting.addEventListener('click', () => (reverting.checked = true));
    expect(setChecked(reverting, false)).toBe(false);
    const disabled = box(true);
    disabled.disabled = true;
    expect(setChecked(disabled, false)).toBe(false);
    const plain = box(true);
    expect(setChecked(plain, false)).toBe(true);
    expect(plain.checked).toBe(false);
  });
});
