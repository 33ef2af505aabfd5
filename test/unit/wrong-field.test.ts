// The wrong-field rule the drift matrix and the chaos console judge the console pages by, on recorded controls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedControl } from '../replica/state';
import { misplaced, POLICY_DOCUMENT, recordedWrong } from '../e2e/wrong-field';

const text = (label: string, value: string, more: Partial<RecordedControl> = {}): RecordedControl => ({ label, value, kind: 'text', lookalike: false, search: false, ...more });
const URL_OF = 'https://console.aws.amazon.com/iam/home#/roles/create?step=selectEntities';

describe('misplaced', () => {
  it('accepts each value of the plan in its own field, in every locale', () => {
    expect(misplaced(text('Account ID', '689684103426'), 'en')).toBeNull();
    expect(misplaced(text('External ID', 'moby'), 'en')).toBeNull();
    expect(misplaced(text('Role name', 'dockercloud-role'), 'en')).toBeNull();
    expect(misplaced(text('Policy name', 'dockercloud-policy'), 'en')).toBeNull();
    expect(misplaced(text('Filter policies', 'dockercloud-policy', { search: true }), 'en')).toBeNull();
    expect(misplaced({ ...text('Policy editor', POLICY_DOCUMENT), kind: 'editor' }, 'en')).toBeNull();
  });

  it('names a value of the plan in another field, a look-alike, or the header search', () => {
    expect(misplaced(text('External ID', '689684103426'), 'en')).toContain('"689684103426" in the control labelled "External ID"');
    expect(misplaced(text('Account ID', '689684103426', { lookalike: true }), 'en')).toContain('look-alike');
    expect(misplaced(text('Search', 'dockercloud-role', { search: true }), 'en')).toContain('labelled "Search"');
    expect(misplaced(text('Role name', POLICY_DOCUMENT), 'en')).not.toBeNull();
  });

  it('ignores every value that is not one of the plan (property)', () => {
    const plan = new Set(['689684103426', 'moby', 'dockercloud-role', 'dockercloud-policy', POLICY_DOCUMENT]);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (label, value, lookalike) => {
        fc.pre(!plan.has(value) && !/policy|role/i.test(value));
        expect(misplaced(text(label, value, { lookalike }), 'en')).toBeNull();
      }),
    );
  });
});

describe('recordedWrong', () => {
  it('reports a value that reached a wrong control even when it was replaced at once, and a press over one', () => {
    const at = Date.UTC(2026, 11, 2, 15, 0, 0, 250);
    const wrong = recordedWrong(
      {
        inputs: [
          { ...text('External ID', '689684103426'), at, url: URL_OF },
          { ...text('External ID', ''), at: at + 1, url: URL_OF },
          { ...text('Account ID', '689684103426'), at: at + 2, url: URL_OF },
        ],
        presses: [{ at: at + 3, url: URL_OF, button: 'Next', controls: [text('Role name', 'moby')] }],
      },
      'en',
    );
    expect(wrong).toEqual([
      '#/roles/create?step=selectEntities: "689684103426" in the control labelled "External ID" (reached it at 15:00:00.250)',
      '#/roles/create?step=selectEntities: "moby" in the control labelled "Role name" when «Next» was pressed',
    ]);
  });

  it('is empty for a walk that put every value in its place', () => {
    expect(recordedWrong({ inputs: [{ ...text('Account ID', '689684103426'), at: 1, url: URL_OF }], presses: [{ at: 2, url: URL_OF, button: 'Next', controls: [text('External ID', 'moby')] }] }, 'en')).toEqual([]);
  });
});
