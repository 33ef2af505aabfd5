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

/** A control the page shows now (found, or ambiguous), or null while it is missing. */
function onScreen<T extends Element>(find: () => Found<T>): Found<T> | null {
  const now = find();
  return now.status === 'missing' ? null : now;
}

/**
 * A control that appears after another is ticked, once the page adds or shows it; "missing" once a short wait
 * is over. Only for a control not on screen yet: one the click already rendered is taken without an await
 * (onScreen), so that the step is set in one go, before the console's own callbacks for its render run.
 */
async function revealed<T extends Element>(find: () => Found<T>, signal: AbortSignal, timeout = 2500): Promise<Found<T>> {
  return (await waitFor(() => onScreen(find), { signal, timeout, attributes: true })) ?? { status: 'missing' };
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
    const radio = onScreen(anotherAccountRadio) ?? (await revealed(anotherAccountRadio, signal));
    const entity = t('awsValueAnotherAccount');
    if (tileOk || tile.status === 'missing') filling.check(() => anotherAccountRadio(), true, t('awsFieldTrustedEntity'), entity);
    else filling.copy.push({ label: t('awsFieldTrustedEntity'), value: entity });

    // Fields are looked for next to the radio group they belong to; a look-alike elsewhere is never touched.
    const anchor = radio.status === 'found' ? (radio.el.closest('[role="radiogroup"]') ?? radio.el) : null;
    const near = (key: LabelKey): Found<HTMLInputElement | HTMLTextAreaElement> => (anchor?.isConnected ? fieldNear(key, anchor) : { status: 'ambiguous' });
    if (!onScreen(() => near('accountId'))) await revealed(() => near('accountId'), signal);
    filling.text(() => near('accountId'), t('awsFieldAccountId'), plan.trustedAccountId);

    const requireId = () => switchByLabel('requireExternalId', 'checkbox');
    if (!onScreen(requireId)) await revealed(requireId, signal);
    const ticked = filling.check(requireId, true, t('awsFieldRequireExternalId'), t('awsValueTicked'));
    const idField = () => {
      const box = found(requireId());
      return ticked && box ? fieldNear('externalId', box) : ({ status: 'missing' } as const);
    };
    if (!onScreen(idField)) await revealed(idField, signal);
    filling.text(idField, t('awsFieldExternalId'), plan.externalId);
    filling.check(() => switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsTrustedEntityNext') }, found(wizardPrimaryButton('next')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT
