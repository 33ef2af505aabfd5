// Every console page the extension acts on, in the order the user meets them.
import type { ConsolePage } from '../page';
import policiesList from './policies-list';
import policyEditor from './policy-editor';
import policyReview from './policy-review';

export const PAGES: ConsolePage[] = [policiesList, policyEditor, policyReview];
