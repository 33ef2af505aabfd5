// A control's name as the callout quotes it: the page's own words ("Richtlinie erstellen"), which are page
// text and so untrusted: one line, no control or direction-changing characters, bounded.

/** The longest name quoted; longer ones are cut with an ellipsis. */
export const NAME_LIMIT = 40;

export function quotedName(raw: string): string | null {
  // Control and format characters (bidirectional overrides among them) could reorder the callout's sentence.
  const name = raw.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  if (name === '') return null;
  return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}…` : name;
}
