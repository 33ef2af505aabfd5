// Create policy, "Review and create": the name dockercloud-policy and a description, then point at
// Create policy. If the console answers that the name exists, offer to go on with the existing policy.
import { t } from '../../../i18n';
import { roleCreateHash } from '../../../core/console-routes';
import { fieldByLabel, found, saysExists, wizardPrimaryButton } from '../dom/find';
import { whenever } from '../dom/wait';
import { reportPolicyCreated } from '../messages';
import { definePage } from '../page';
import { policyReview } from '../routes';
import { Filling } from './filling';
import { fieldsFound, hasButton, hasField, inWizard } from './signatures';

export default definePage({
  id: 'policyReview',
  checklistStep: 'policyCreated',
  hints: [policyReview],
  legacyCounterpart: () => '#/policies$new',
  // The wizard's last step (Create policy, Previous) or the policy's name asked for, with no document to
  // type (the 2016 page has both: legacyPolicyEdit).
  signature: () => (hasField('policyName') || (inWizard() && hasButton('createPolicy'))) && !hasField('policyDocument'),
  complete: () => fieldsFound('policyName', 'description'),
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    filling.texts([
      { locate: () => fieldByLabel('policyName'), label: t('awsFieldPolicyName'), value: plan.policyName },
      { locate: () => fieldByLabel('description'), label: t('awsFieldDescription'), value: plan.policyDescription },
    ]);
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsPolicyReviewCreate', plan.policyName) }, found(wizardPrimaryButton('createPolicy')));

    whenever(() => saysExists(plan.policyName), signal, () => {
      guide.show({
        title: t('awsPolicyExists', plan.policyName),
        tone: 'error',
        actions: [
          {
            label: t('awsUseExistingPolicy'),
            run: () => {
              void reportPolicyCreated(plan.policyName);
              location.hash = roleCreateHash(plan);
            },
          },
        ],
      });
    });
  },
});

// Try: https://console.aws.amazon.com/iam/home#/policies/create?step=review
