// Create role, "Select trusted entity": AWS account → Another AWS account, Docker Cloud's account ID,
// "Require external ID" ticked with the namespace, "Require MFA" not ticked; then point at Next.
// The console may have honoured the prefill link's parameters: every field is checked anyway.
import { t } from '../../../i18n';
import { setChecked } from '../dom/controls';
import { CLOUDSCAPE, fieldNear, type Found, found, one, switchByLabel, wizardPrimaryButton } from '../dom/find';
import type { LabelKey } from '../dom/labels';
import { waitFor } from '../dom/wait';
import { definePage } from '../page';
import { roleTrustedEntity } from '../routes';
import { Filling, STEP } from './filling';

const awsAccountTile = () => one(document.querySelectorAll<HTMLInputElement>(`${CLOUDSCAPE.tile}[data-value="AWS_ACCOUNT"] input[type="radio"]`));

/**
 * A control that appears after another is ticked: taken at once when the click already rendered it, else
 * when the page adds or shows it; "missing" once a short wait is over.
 */
async function revealed<T extends Element>(find: () => Found<T>, signal: AbortSignal, timeout = 2500): Promise<Found<T>> {
  return (await waitFor(() => (find().status === 'missing' ? null : find()), { signal, timeout, attributes: true })) ?? { status: 'missing' };
}

export default definePage(roleTrustedEntity, async ({ plan, guide }, signal) => {
  const filling = new Filling();
  const another = () => switchByLabel('anotherAccount', 'radio');
  await waitFor(() => awsAccountTile().status === 'found' || another().status === 'found', { signal });
  if (signal.aborted) return;

  const tile = awsAccountTile();
  const tileOk = tile.status === 'found' && setChecked(tile.el, true);
  const radio = await revealed(another, signal);
  const entity = t('awsValueAnotherAccount');
  if (tileOk || tile.status === 'missing') filling.check(radio, true, t('awsFieldTrustedEntity'), entity);
  else filling.copy.push({ label: t('awsFieldTrustedEntity'), value: entity });

  // Fields are looked for next to the radio group they belong to; a look-alike elsewhere is never touched.
  const anchor = radio.status === 'found' ? (radio.el.closest('[role="radiogroup"]') ?? radio.el) : null;
  const near = (key: LabelKey) => (anchor ? fieldNear(key, anchor) : ({ status: 'ambiguous' } as const));
  filling.text(await revealed(() => near('accountId'), signal), t('awsFieldAccountId'), plan.trustedAccountId);

  const requireId = await revealed(() => switchByLabel('requireExternalId', 'checkbox'), signal);
  const ticked = filling.check(requireId, true, t('awsFieldRequireExternalId'), t('awsValueTicked'));
  const idField = ticked && requireId.status === 'found' ? await revealed(() => fieldNear('externalId', requireId.el), signal) : ({ status: 'missing' } as const);
  filling.text(idField, t('awsFieldExternalId'), plan.externalId);
  filling.check(switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));
  await filling.confirm(signal);
  if (signal.aborted) return;

  const next = wizardPrimaryButton('next');
  guide.show(
    { step: STEP.roleTrustedEntity, title: t('awsTrustedEntityNext'), ...filling.shown },
    found(next),
  );
});
