// The console's labels per language (en, ja, de), matched case-insensitively and whitespace-collapsed.
// A control is filled only when its label is one of these; anything else gets the copy fallback.
export const LABELS = {
  policyName: ['Policy name', 'ポリシー名', 'Richtlinienname'],
  policyDocument: ['Policy document'],
  description: ['Description', '説明', 'Beschreibung'],
  roleName: ['Role name', 'ロール名', 'Rollenname'],
  accountId: ['Account ID', 'アカウント ID', 'Konto-ID'],
  externalId: ['External ID', '外部 ID', 'Externe ID'],
  anotherAccount: ['Another AWS account', '別の AWS アカウント', 'Anderes AWS-Konto'],
  requireExternalId: ['Require external ID', '外部 ID が必要です', 'Externe ID erforderlich'],
  requireMfa: ['Require MFA', 'MFA が必要', 'MFA erforderlich'],
  createPolicy: ['Create policy', 'ポリシーの作成', 'Richtlinie erstellen'],
  createRole: ['Create role', 'ロールを作成', 'Rolle erstellen'],
  viewRole: ['View role', 'ロールを表示', 'Rolle anzeigen'],
  next: ['Next', 'Next Step', '次へ', 'Weiter'],
  previous: ['Previous', '前へ', 'Zurück'],
  trustRelationships: ['Trust relationships', '信頼関係', 'Vertrauensstellungen'],
  permissions: ['Permissions', '許可', 'Berechtigungen'],
  // The legacy console (2016–2017), English only as it was.
  createYourOwnPolicy: ['Create Your Own Policy'],
  validatePolicy: ['Validate Policy'],
  policyIsValid: ['This policy is valid.'],
  crossAccountRole: ['Role for Cross-Account Access'],
  thirdPartyAccess: ['Allows IAM users from a 3rd party AWS account to access this account'],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof LABELS;

/** Visible text as a label: whitespace collapsed, an "- optional" marker dropped, lowercase. */
export function labelText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[-–—]\s*(optional|オプション|optional)$/i, '')
    .toLowerCase();
}

/** The label exactly, or the label followed by an explanation in parentheses ("Require external ID (Best …)"). */
export function isLabel(text: string | null | undefined, key: LabelKey): boolean {
  return isLabelText(labelText(text), key);
}

/** isLabel for a text already made a label (labelText). */
export function isLabelText(seen: string, key: LabelKey): boolean {
  return LABELS[key].some((label) => {
    const l = label.toLowerCase();
    return seen === l || seen.startsWith(`${l} (`) || seen.startsWith(`${l}(`) || seen.startsWith(`${l}（`);
  });
}
