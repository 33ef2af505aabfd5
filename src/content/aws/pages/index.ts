// Every console page the extension acts on, in the order the user meets them.
import type { ConsolePage } from '../page';

export const PAGES: ConsolePage[] = [];
