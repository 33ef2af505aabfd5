// Create policy, "Specify permissions": switch the policy editor to JSON, set dockercloud-policy's
// document so the console's own validation accepts it, then point at Next.
import { t } from '../../../i18n';
import { setCodeEditor } from '../dom/code-editor';
import { press } from '../dom/controls';
import { CLOUDSCAPE, found, isVisible, one, wizardPrimaryButton } from '../dom/find';
import { waitFor } from '../dom/wait';
import { definePage } from '../page';
import { policyEditor } from '../routes';
import { Filling, STEP } from './filling';

/** The editor mode switch's "JSON" segment (the same word in every console language). */
const jsonSegment = () =>
  one([...document.querySelectorAll<HTMLButtonElement>(`${CLOUDSCAPE.segmentedControl} button`)].filter((b) => b.textContent?.trim() === 'JSON'));

const codeEditor = () => one(document.querySelectorAll(CLOUDSCAPE.codeEditor));

/** How the user reads the document: which regions, and whether it has iam:PassRole. */
export function describePolicy(document: string): string {
  const region = /"ec2:Region":\s*"([a-z0-9-]+)"/.exec(document)?.[1];
  const scope = region ? t('awsPolicyOneRegion', region) : t('awsPolicyAllRegions');
  return document.includes('iam:PassRole') ? t('awsPolicyWithPassRole', scope) : scope;
}

export default definePage(policyEditor, async ({ plan, guide }, signal) => {
  const filling = new Filling();
  const label = t('awsFieldPolicyDocument');
  const ready = await waitFor(() => jsonSegment().status === 'found' || codeEditor().status === 'found', { signal });
  if (signal.aborted) return;
  const segment = jsonSegment();
  if (ready && segment.status === 'found' && segment.el.getAttribute('aria-pressed') !== 'true') press(segment.el);
  // The editor JSON reveals, taken as soon as it is there; Ace is loaded by the page and may arrive after the editor's frame.
  const editor = await waitFor(() => {
    const found = codeEditor();
    return found.status === 'found' && found.el.querySelector('.ace_editor, textarea') && isVisible(found.el) ? found.el : null;
  }, { signal, timeout: 5000, attributes: true });
  if (signal.aborted) return;
  if (editor && (await setCodeEditor(editor, plan.policyDocument, signal))) filling.note(label, describePolicy(plan.policyDocument));
  else filling.copy.push({ label, value: plan.policyDocument });
  if (signal.aborted) return;

  const next = wizardPrimaryButton('next');
  guide.show(
    { step: STEP.policyEditor, title: t('awsPolicyEditorNext'), ...filling.shown },
    found(next),
  );
});
