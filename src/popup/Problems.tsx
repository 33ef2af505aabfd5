import type { Problem } from '../core/problem';
import { describe } from '../i18n';

/** Problems as the user reads them; `note` for advice on a step that is done. */
export function Problems({ problems, tone = 'error' }: { problems: Problem[] | undefined; tone?: 'error' | 'note' }) {
  if (problems === undefined || problems.length === 0) return null;
  return (
    <ul class={`problems ${tone}`} role={tone === 'error' ? 'alert' : 'note'}>
      {problems.map((p, i) => (
        <li key={i}>{describe(p)}</li>
      ))}
    </ul>
  );
}
