// Docker Cloud's error texts on Save, mapped to their likely cause and fix (docs and bug threads).
import type { Problem } from './problem';

const KNOWN: { pattern: RegExp; problem: Problem['message'] }[] = [
  { pattern: /unauthorized operation/i, problem: 'dockerErrorPassRole' },
  { pattern: /invalid aws credentials or insufficient ec2 permissions/i, problem: 'dockerErrorExternalId' },
  { pattern: /invalid aws role or insufficient permissions/i, problem: 'dockerErrorInvalidRole' },
  { pattern: /authentication credentials were not provided|not authenticated|\blog ?in\b/i, problem: 'dockerErrorLoggedOut' },
];

/** The page's error text is untrusted: it is shown as text, clipped, and only matched against known errors. */
export function diagnoseDockerCloudError(errorText: string): Problem {
  const text = errorText.replace(/\s+/g, ' ').trim().slice(0, 300);
  const known = KNOWN.find(({ pattern }) => pattern.test(text));
  return { message: known?.problem ?? 'dockerErrorUnknown', substitutions: [text] };
}
