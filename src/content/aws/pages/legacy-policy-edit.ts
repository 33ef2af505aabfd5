// The 2016 console's "Review Policy": Policy Name, Description and the Policy Document textarea filled;
// Validate Policy, then Create Policy, are the user's.
import { t } from '../../../i18n';
import { buttonByText, fieldByLabel, found, inMain, isVisible, saysExists } from '../dom/find';
import { isLabel } from '../dom/labels';
import { whenever } from '../dom/wait';
import { definePage } from '../page';
import { legacyPolicyCreate } from '../routes';
import { Filling } from './filling';
import { hasField } from './signatures';

const documentArea = () => {
  const field = fieldByLabel('policyDocument');
  return field.status === 'found' && !(field.el instanceof HTMLTextAreaElement) ? ({ status: 'ambiguous' } as const) : field;
};

export default definePage({
  id: 'legacyPolicyEdit',
  checklistStep: 'policyCreated',
  hints: [legacyPolicyCreate],
  // The document typed into a text box next to the name: the 2016 page (the current one uses a code editor).
  signature: () => hasField('policyDocument'),
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    filling.text(() => fieldByLabel('policyName'), t('awsFieldPolicyName'), plan.policyName);
    filling.text(() => fieldByLabel('description'), t('awsFieldDescription'), plan.policyDescription);
    filling.text(documentArea, t('awsFieldPolicyDocument'), plan.policyDocument);
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsLegacyValidatePolicy') }, found(buttonByText('validatePolicy')));
    // Once the console says the document is valid, the next button is Create Policy (the user's to press).
    const validated = () =>
      inMain('[role="status"]').some((el) => isVisible(el) && isLabel(el.textContent, 'policyIsValid')) && found(buttonByText('createPolicy'));
    whenever(validated, signal, (create) => filling.present(guide, { title: t('awsLegacyCreatePolicy') }, create));
    whenever(() => saysExists(plan.policyName), signal, () => guide.show({ title: t('awsPolicyExists', plan.policyName), tone: 'error' }));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/policies$new?step=edit
