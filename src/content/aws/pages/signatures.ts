// What shows each step on screen, inside the console's main content: the pieces several pages' signatures
// share. Each is a cheap look at the page as it is now.
import { buttonByText, CLOUDSCAPE, fieldByLabel, inMain, one, switchByLabel, type Found } from '../dom/find';
import type { LabelKey } from '../dom/labels';

export const shows = (f: Found<Element>): boolean => f.status !== 'missing';
export const hasField = (key: LabelKey): boolean => shows(fieldByLabel(key));
/** Every field named is on screen, each exactly once. */
export const fieldsFound = (...keys: LabelKey[]): boolean => keys.every((key) => fieldByLabel(key).status === 'found');
export const hasButton = (key: LabelKey): boolean => shows(buttonByText(key));

/** The step's forward button (Next, Next Step), not the last step's Create. */
export const hasNext = (): boolean => hasButton('next');

/** A wizard's later step: it offers Previous (list pages never do). */
export const inWizard = (): boolean => hasButton('previous');

/** The AWS account tile of the current role wizard's first step. */
export const awsAccountTile = () => one(inMain<HTMLInputElement>(`${CLOUDSCAPE.tile}[data-value="AWS_ACCOUNT"] input[type="radio"]`));
export const anotherAccountRadio = () => switchByLabel('anotherAccount', 'radio');

/** The policies table's filter (a search input in the page's own content, never the console's global search). */
export const filterInput = () => one(inMain<HTMLInputElement>('input[type="search"]'));

/** A table of policies to tick, with its filter and a Next: the permissions step, in any console. */
export const policyTableShown = (): boolean =>
  shows(filterInput()) && inMain('table input[type="checkbox"], [role="grid"] input[type="checkbox"]').length > 0 && hasNext();
