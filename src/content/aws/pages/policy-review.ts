// Create policy, "Review and create": the name dockercloud-policy and a description, then point at
// Create policy. If the console answers that the name exists, offer to go on with the existing policy.
import { t } from '../../../i18n';
import { roleCreateHash } from '../../../core/console-routes';
import { fieldByLabel, found, saysExists, wizardPrimaryButton } from '../dom/find';
import { waitFor, whenever } from '../dom/wait';
import { reportPolicyCreated } from '../messages';
import { definePage } from '../page';
import { policyReview } from '../routes';
import { Filling, STEP } from './filling';

export default definePage(policyReview, async ({ plan, guide }, signal) => {
  const filling = new Filling();
  await waitFor(() => fieldByLabel('policyName').status !== 'missing' || fieldByLabel('description').status !== 'missing', { signal });
  if (signal.aborted) return;
  filling.text(fieldByLabel('policyName'), t('awsFieldPolicyName'), plan.policyName);
  filling.text(fieldByLabel('description'), t('awsFieldDescription'), plan.policyDescription);
  await filling.confirm(signal);
  if (signal.aborted) return;

  const create = wizardPrimaryButton('createPolicy');
  guide.show(
    { step: STEP.policyReview, title: t('awsPolicyReviewCreate', plan.policyName), ...filling.shown },
    found(create),
  );

  whenever(() => saysExists(plan.policyName), signal, () => {
    guide.show({
      step: STEP.policyReview,
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
});
