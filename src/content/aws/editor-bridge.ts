// The event names between the isolated content script and the MAIN-world script.
export const EDITOR_REQUEST = 'dockercloud-aws-link:set-editor';
export const EDITOR_REPLY = 'dockercloud-aws-link:editor-set';
/** From the MAIN world after history.pushState/replaceState: only "the URL may have changed" (untrusted, no data). */
export const URL_HINT = 'dockercloud-aws-link:url';
