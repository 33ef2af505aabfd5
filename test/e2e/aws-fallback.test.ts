// When a field cannot be identified with certainty (removed, duplicated by a look-alike, a page where the
// editor is not Ace), nothing is typed into anything uncertain: the callout shows the value with a copy
// button. Localized and slow consoles are still filled when the labels are known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPolicyDocument } from '../../src/core/policy';
import { roleCreateHash } from '../../src/core/console-routes';
import type { ConfigPatch } from '../replica/state';
import { guideCallout, guideRows, guideTitle, IAM, primaryButton, startLink } from './aws-support';
import { guideButton } from './guide-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => h?.close());

const PREFILL = roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' });
const title = () => guideTitle(h.page).textContent();

async function trustedEntity(patch: ConfigPatch, hash = PREFILL) {
  await startLink(h, { done: ['policyCreated'] }, patch);
  await h.page.goto(`${IAM}${hash}`);
  await expect.poll(title, { timeout: 20_000 }).toContain('choose the role');
  return { filled: await guideRows(h.page, 'filled'), copy: await guideRows(h.page, 'copy') };
}

/** Every text input's value on the page: where 689684103426 or the namespace may have been typed. */
const inputValues = () => h.page.evaluate(() => [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio])')].map((i) => (i as HTMLInputElement).value));

describe('uncertain fields', () => {
  it('External ID controls missing: shows the values to copy, and the copy button copies', async () => {
    const { filled, copy } = await trustedEntity({ aws: { drift: { removeField: 'externalId' } } });
    expect(copy).toEqual({ 'External ID': 'moby' });
    expect(await guideCallout(h.page).textContent()).toContain('Require external ID: could not be set with certainty; make it "ticked" yourself.');
    expect(filled).toMatchObject({ 'Account ID': '689684103426', 'Require MFA': 'not ticked' });
    await guideButton(h.page, 'Copy External ID').click();
    await expect.poll(() => h.page.evaluate(() => navigator.clipboard.readText())).toBe('moby');
    await h.page.screenshot({ path: '/tmp/aws-fallback-external-id.png' });
  });

  it('Account ID field missing: nothing typed anywhere, the value offered to copy', async () => {
    const { copy } = await trustedEntity({ aws: { drift: { removeField: 'accountId' }, honourPrefillParams: false } }, '#/roles/create?step=selectEntities');
    expect(copy).toEqual({ 'Account ID': '689684103426' });
    expect(await inputValues()).not.toContain('689684103426');
  });

  it('a look-alike "Account ID" field elsewhere on the page is never filled', async () => {
    const { filled, copy } = await trustedEntity({ aws: { drift: { duplicateAccountIdField: true }, honourPrefillParams: false } }, '#/roles/create?step=selectEntities');
    const lookalike = await h.page.evaluate(() => {
      const el = document.querySelector('[data-replica-lookalike]');
      return (el instanceof HTMLInputElement ? el : el?.querySelector('input'))?.value ?? null;
    });
    expect(lookalike).toBe('');
    expect(filled['Account ID'] ?? copy['Account ID']).toBe('689684103426');
    expect((await inputValues()).filter((v) => v === '689684103426').length).toBeLessThanOrEqual(1);
  });

  it('policy name field missing on review: offered to copy, the description still filled', async () => {
    await startLink(h, {}, { aws: { drift: { removeField: 'policyName' } } });
    await h.page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(title, { timeout: 15_000 }).toContain('Press «Next»');
    await primaryButton(h.page).click();
    await expect.poll(title).toContain('Press «Create policy»');
    expect(await guideRows(h.page, 'copy')).toEqual({ 'Policy name': 'dockercloud-policy' });
    expect(Object.keys(await guideRows(h.page, 'filled'))).toEqual(['Description']);
  });

  it('a code editor that is not Ace: the document is offered to copy, the editor left as it was', async () => {
    await startLink(h);
    // Ace cannot keep its `env` on the element: the page-world script finds no editor to set.
    await h.page.addInitScript(() => Object.defineProperty(Element.prototype, 'env', { configurable: true, get: () => undefined, set: () => undefined }));
    await h.page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(title, { timeout: 15_000 }).toContain('Press «Next»');
    const document = buildPolicyDocument({ region: null, passRole: false });
    expect(await guideRows(h.page, 'copy')).toEqual({ 'Policy document': document.ok ? document.value : '' });
    expect(await h.page.locator('.ace_content').textContent()).toContain('Statement1');
  });
});

describe('consoles that are localized or slow', () => {
  it.each(['ja', 'de'] as const)('fills the trusted entity of the %s console by its labels, and the console accepts it', async (locale) => {
    const { filled, copy } = await trustedEntity({ aws: { locale, honourPrefillParams: false } }, '#/roles/create?step=selectEntities');
    expect(copy).toEqual({});
    expect(Object.keys(filled)).toHaveLength(5);
    await primaryButton(h.page).click();
    await h.page.waitForURL(/step=addPermissions/);
  });

  it('waits for controls rendered late', async () => {
    const { copy } = await trustedEntity({ aws: { renderDelayMs: 2500 } });
    expect(copy).toEqual({});
    expect(await guideCallout(h.page).textContent()).toContain('689684103426');
  });
});

