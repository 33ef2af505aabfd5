import type { Problem } from '../core/problem';
import { describe } from '../i18n';

/** Problems as the user reads them; `note` for advice on a step that is done. The alert wraps the list, so it stays a list. */
export function Problems({ problems, tone = 'error' }: { problems: Problem[] | undefined; tone?: 'error' | 'note' }) {
  if (problems === undefined || problems.length === 0) return null;
  return (
    <div role={tone === 'error' ? 'alert' : 'note'}>
      <ul class={`problems ${tone}`}>
        {problems.map((p, i) => (
          <li key={i}>{describe(p)}</li>
        ))}
      </ul>
    </div>
  );
}
