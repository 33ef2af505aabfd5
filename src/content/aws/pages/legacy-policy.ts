// The legacy console's "Create Policy" (2016–2017): choose "Create Your Own Policy", then Policy Name,
// Description and the Policy Document textarea filled; Validate Policy, then Create Policy, are the user's.
import { t } from '../../../i18n';
import { buttonByText, fieldByLabel, found, isVisible, one, saysExists } from '../dom/find';
import { isLabel, type LabelKey } from '../dom/labels';
import { waitFor, whenever } from '../dom/wait';
import { definePage, type PageContext } from '../page';
import { legacyPolicyCreate } from '../routes';
import { Filling, STEP } from './filling';

/** The button on the table row that offers `key` (the legacy pages' "Select" buttons). */
export function selectButtonFor(key: LabelKey) {
  const rows = [...document.querySelectorAll('tr')].filter((tr) => isVisible(tr) && [...tr.cells].some((td) => isLabel(td.firstChild?.textContent, key)));
  return one(rows.flatMap((tr) => [...tr.querySelectorAll<HTMLElement>('button:not([disabled])')]));
}

async function pointAt(ctx: PageContext, signal: AbortSignal, find: () => ReturnType<typeof selectButtonFor>, title: string) {
  const target = await waitFor(() => found(find()), { signal });
  if (!signal.aborted) ctx.guide.show({ step: STEP.policyEditor, title }, target);
}

export default definePage(legacyPolicyCreate, async (ctx, signal) => {
  const { plan, guide, route } = ctx;
  if (route.query.get('step') !== 'edit') return pointAt(ctx, signal, () => selectButtonFor('createYourOwnPolicy'), t('awsLegacyChooseOwnPolicy'));

  const filling = new Filling();
  await waitFor(() => fieldByLabel('policyDocument').status !== 'missing' || fieldByLabel('policyName').status !== 'missing', { signal });
  if (signal.aborted) return;
  filling.text(fieldByLabel('policyName'), t('awsFieldPolicyName'), plan.policyName);
  filling.text(fieldByLabel('description'), t('awsFieldDescription'), plan.policyDescription);
  const document = fieldByLabel('policyDocument');
  if (document.status === 'found' && document.el instanceof HTMLTextAreaElement) filling.text(document, t('awsFieldPolicyDocument'), plan.policyDocument);
  else filling.copy.push({ label: t('awsFieldPolicyDocument'), value: plan.policyDocument });
  await filling.confirm(signal);
  if (signal.aborted) return;
  const validate = buttonByText('validatePolicy');
  guide.show(
    { step: STEP.policyReview, title: t('awsLegacyValidatePolicy'), ...filling.shown },
    found(validate),
  );
  // Once the console says the document is valid, the next button is Create Policy (the user's to press).
  const validated = () =>
    [...window.document.querySelectorAll('[role="status"]')].some((el) => isVisible(el) && isLabel(el.textContent, 'policyIsValid')) &&
    found(buttonByText('createPolicy'));
  whenever(validated, signal, (create) => guide.show({ step: STEP.policyReview, title: t('awsLegacyCreatePolicy'), ...filling.shown }, create));
  whenever(() => saysExists(plan.policyName), signal, () => guide.show({ step: STEP.policyReview, title: t('awsPolicyExists', plan.policyName), tone: 'error' }));
});
