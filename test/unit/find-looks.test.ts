// @vitest-environment happy-dom
// What a look reads of the page is read once per look, and never kept past what can change it: the engine's own
// set (the console re-renders before the dispatch returns), the end of the look (the page's own code may go on
// changing the page in the same task), or the next look.
import { beforeEach, describe, expect, it } from 'vitest';
import { setText } from '../../src/content/aws/dom/controls';
import { fieldByLabel, found, lookAt } from '../../src/content/aws/dom/find';

// happy-dom computes no style: every element it has is on screen.
Element.prototype.checkVisibility ??= () => true;

let renders = 0;
/** Renders the step's form afresh (new elements and ids, as a re-mount does), its fields labelled `labels`. */
function render(labels: string[]): void {
  renders++;
  document.body.innerHTML = '<main></main>';
  const main = document.querySelector('main')!;
  labels.forEach((text, i) => {
    const label = document.createElement('label');
    label.htmlFor = `f${renders}-${i}`;
    label.textContent = text;
    const input = document.createElement('input');
    input.id = `f${renders}-${i}`;
    input.type = 'text';
    main.append(label, input);
  });
}
const policyName = () => found(fieldByLabel('policyName'));

beforeEach(() => render(['Policy name', 'Description']));

describe('looks at the page', () => {
  it('inside a look, a field the engine\'s own set made the page render anew is found anew', () => {
    const first = policyName()!;
    // The console re-renders the whole form in the input event's dispatch: a new "Policy name" field.
    first.addEventListener('input', () => render(['Policy name', 'Description']), { once: true });
    lookAt(() => {
      expect(policyName()).toBe(first);
      setText(first, 'dockercloud-policy');
      const again = policyName();
      expect(again).not.toBe(first);
      expect(again?.isConnected).toBe(true);
    });
  });

  it('a look does not hand what it read to the page\'s code that runs after it, nor to the next look', () => {
    const before = lookAt(policyName);
    // The page's own code goes on in the same task (a look run from its navigation event), then looks again.
    render(['Role name', 'Policy name']);
    const after = lookAt(policyName);
    expect(after).not.toBe(before);
    expect(after?.isConnected).toBe(true);
    // Outside any look nothing is kept either.
    render(['Policy name']);
    expect(policyName()).not.toBe(after);
    expect(policyName()?.isConnected).toBe(true);
  });

  it('a look inside a look leaves the outer one to read the page again', () => {
    lookAt(() => {
      const outer = policyName();
      lookAt(() => render(['Policy name']));
      const again = policyName();
      expect(again).not.toBe(outer);
      expect(again?.isConnected).toBe(true);
    });
  });

  it('finds a field once among several labels, and none for a label the page does not show', () => {
    lookAt(() => {
      expect(fieldByLabel('policyName').status).toBe('found');
      expect(fieldByLabel('description').status).toBe('found');
      expect(fieldByLabel('roleName').status).toBe('missing');
    });
    render(['Policy name', 'Policy name']);
    expect(lookAt(() => fieldByLabel('policyName').status)).toBe('ambiguous');
  });
});
