// The two event names between the isolated content script and the MAIN-world editor script.
export const EDITOR_REQUEST = 'dockercloud-aws-link:set-editor';
export const EDITOR_REPLY = 'dockercloud-aws-link:editor-set';
