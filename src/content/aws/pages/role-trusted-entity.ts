// Create role, "Select trusted entity": AWS account → Another AWS account, Docker Cloud's account ID,
// "Require external ID" ticked with the namespace, "Require MFA" not ticked; then point at Next.
// The console may have honoured the prefill link's parameters: every field is checked anyway.
import { t } from '../../../i18n';
import { setChecked } from '../dom/controls';
import { fieldNear, type Found, found, switchByLabel, wizardPrimaryButton } from '../dom/find';
import type { LabelKey } from '../dom/labels';
import { waitFor } from '../dom/wait';
import { definePage } from '../page';
import { roleTrustedEntity } from '../routes';
import { Filling } from './filling';
import { anotherAccountRadio, awsAccountTile, shows } from './signatures';

/**
 * A control that appears after another is ticked: taken at once when the click already rendered it, else
 * when the page adds or shows it; "missing" once a short wait is over.
 */
async function revealed<T extends Element>(find: () => Found<T>, signal: AbortSignal, timeout = 2500): Promise<Found<T>> {
  return (await waitFor(() => (find().status === 'missing' ? null : find()), { signal, timeout, attributes: true })) ?? { status: 'missing' };
}

export const ROLE_WIZARD_ON_LEGACY = '#/roles$new?step=name';

export default definePage({
  id: 'roleTrustedEntity',
  checklistStep: 'roleCreated',
  hints: [roleTrustedEntity],
  legacyCounterpart: () => ROLE_WIZARD_ON_LEGACY,
  signature: () => shows(awsAccountTile()) || shows(anotherAccountRadio()),
  // The tile, or (the console kept the choice) the radio: what the page sets first; the rest it waits for.
  complete: () => awsAccountTile().status === 'found' || anotherAccountRadio().status === 'found',
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    const tile = awsAccountTile();
    const tileOk = tile.status === 'found' && setChecked(tile.el, true);
    const radio = await revealed(anotherAccountRadio, signal);
    const entity = t('awsValueAnotherAccount');
    if (tileOk || tile.status === 'missing') filling.check(() => anotherAccountRadio(), true, t('awsFieldTrustedEntity'), entity);
    else filling.copy.push({ label: t('awsFieldTrustedEntity'), value: entity });

    // Fields are looked for next to the radio group they belong to; a look-alike elsewhere is never touched.
    const anchor = radio.status === 'found' ? (radio.el.closest('[role="radiogroup"]') ?? radio.el) : null;
    const near = (key: LabelKey): Found<HTMLInputElement | HTMLTextAreaElement> => (anchor?.isConnected ? fieldNear(key, anchor) : { status: 'ambiguous' });
    await revealed(() => near('accountId'), signal);
    filling.text(() => near('accountId'), t('awsFieldAccountId'), plan.trustedAccountId);

    const requireId = () => switchByLabel('requireExternalId', 'checkbox');
    await revealed(requireId, signal);
    const ticked = filling.check(requireId, true, t('awsFieldRequireExternalId'), t('awsValueTicked'));
    const idField = () => {
      const box = found(requireId());
      return ticked && box ? fieldNear('externalId', box) : ({ status: 'missing' } as const);
    };
    await revealed(idField, signal);
    filling.text(idField, t('awsFieldExternalId'), plan.externalId);
    filling.check(() => switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsTrustedEntityNext') }, found(wizardPrimaryButton('next')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT
