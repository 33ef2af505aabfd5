// Create policy, "Specify permissions": switch the policy editor to JSON, set dockercloud-policy's
// document once the editor has applied its own, hold it, then point at Next.
import { t } from '../../../i18n';
import { codeEditor } from '../dom/code-editor';
import { press } from '../dom/controls';
import { CLOUDSCAPE, found, inMain, isVisible, one, wizardPrimaryButton } from '../dom/find';
import { waitFor } from '../dom/wait';
import { definePage } from '../page';
import { policyEditor } from '../routes';
import { Filling } from './filling';
import { hasField, hasNext, shows } from './signatures';

/** The editor mode switch's "JSON" segment (the same word in every console language). */
const jsonSegment = () => one(inMain<HTMLButtonElement>(`${CLOUDSCAPE.segmentedControl} button`).filter((b) => b.textContent?.trim() === 'JSON'));
const editorFrame = () => one(inMain(CLOUDSCAPE.codeEditor));

/** How the user reads the document: which regions, and whether it has iam:PassRole. */
export function describePolicy(document: string): string {
  const region = /"ec2:Region":\s*"([a-z0-9-]+)"/.exec(document)?.[1];
  const scope = region ? t('awsPolicyOneRegion', region) : t('awsPolicyAllRegions');
  return document.includes('iam:PassRole') ? t('awsPolicyWithPassRole', scope) : scope;
}

export default definePage({
  id: 'policyEditor',
  checklistStep: 'policyCreated',
  hints: [policyEditor],
  legacyCounterpart: () => '#/policies$new',
  // A policy editor (or its Visual | JSON switch) on a step that goes on with Next, and no name yet.
  signature: () => (shows(jsonSegment()) || shows(editorFrame())) && hasNext() && !hasField('policyName'),
  // Its switch, or the editor itself: what the page acts on first.
  complete: () => jsonSegment().status === 'found' || editorFrame().status === 'found',
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    const label = t('awsFieldPolicyDocument');
    const segment = jsonSegment();
    if (segment.status === 'found' && segment.el.getAttribute('aria-pressed') !== 'true') press(segment.el);
    // The editor JSON reveals; Ace is loaded by the page and may arrive after the editor's frame.
    const editor = await waitFor(() => {
      const frame = editorFrame();
      return frame.status === 'found' && frame.el.querySelector('.ace_editor, textarea') && isVisible(frame.el) ? frame.el : null;
    }, { signal, timeout: 5000, attributes: true });
    if (signal.aborted) return;
    const control = editor && codeEditor(editor, plan.policyDocument, signal);
    if (control && (await control.apply())) {
      filling.hold({ label, value: describePolicy(plan.policyDocument) }, {
        apply: () => control.apply(),
        holds: () => control.holds(),
        control: () => (editor.isConnected ? editor : null),
        giveUp: () => {
          filling.copy.push({ label, value: plan.policyDocument });
          filling.todo.push(t('guideConsoleReset', label, describePolicy(plan.policyDocument)));
        },
      });
    } else filling.copy.push({ label, value: plan.policyDocument });
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsPolicyEditorNext') }, found(wizardPrimaryButton('next')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/policies/create?step=addPermissions (older: step=edit, none)
