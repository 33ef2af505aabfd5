// @vitest-environment happy-dom
// The Docker Cloud state machine on DOM fixtures: what it does from each place the page can be in,
// and that it clicks nothing it is not sure of. (The full flow runs in test/e2e/docker-*.test.ts.)
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { linkAws } from '../../src/content/docker/link';
import { readTask, type Task } from '../../src/content/docker/task';
import { dockerTaskSchema } from '../../src/core/schemas';
import { namespaceArb, roleArnArb } from './arbitraries';

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const task = (patch: Partial<Task> = {}): Task => ({ id: 'a'.repeat(32), namespace: 'moby', roleArn: ARN, replaceExisting: false, saved: false, ...patch } as Task);
/** What the background hears: "saving" before Save is pressed. */
let told: string[] = [];
const link = (t: Task) => linkAws(t, { saving: async () => void told.push('saving') }, new AbortController().signal);

function at(path: string, html: string): HTMLElement[] {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://cloud.docker.com${path}`);
  document.body.innerHTML = html;
  const clicked: HTMLElement[] = [];
  document.addEventListener('click', (e) => clicked.push(e.target as HTMLElement), { capture: true });
  return clicked;
}

const settings = (row: string) =>
  `<h1>Cloud settings</h1><section><h3>Cloud Providers</h3><ul><li><span>Amazon Web Services</span>${row}</li>
   <li><span>Packet</span><span></span><button>p</button></li></ul></section>`;

const awsDialog = (field: string) =>
  `<div role="dialog"><h4>Add AWS Credentials</h4><form><div role="alert" hidden></div>${field}</form>
   <button type="button">Cancel</button><button type="submit" id="save">Save</button></div>`;

afterEach(() => {
  document.body.innerHTML = '';
  told = [];
});

describe('linkAws', () => {
  it('fills Role ARN as the user would and reports the error Docker Cloud shows', async () => {
    at('/app/moby/settings', awsDialog('<label for="arn">Role ARN</label><input id="arn">'));
    const seen: string[] = [];
    const input = document.querySelector<HTMLInputElement>('#arn')!;
    input.addEventListener('input', () => seen.push(input.value));
    document.querySelector('#save')!.addEventListener('click', () => {
      const alert = document.querySelector<HTMLElement>('[role=alert]')!;
      setTimeout(() => {
        alert.textContent = 'Invalid AWS role or insufficient permissions';
        alert.hidden = false;
      }, 20);
    });
    expect(await link(task())).toEqual({ outcome: 'error', errorText: 'Invalid AWS role or insufficient permissions' });
    expect(seen).toEqual([ARN]);
    expect(told).toEqual(['saving']);
  });

  it('reports linked once the dialog closes and the plug turns green', async () => {
    at('/swarm/moby/cloud-settings', settings('<span></span><button id="plug">o</button>') + awsDialog('<label><span>Role ARN</span><input></label>'));
    document.querySelector('#save')!.addEventListener('click', () =>
      setTimeout(() => {
        document.querySelector('[role=dialog]')!.remove();
        document.querySelector('li span + span')!.textContent = `Connected ${ARN}`;
      }, 20),
    );
    expect(await link(task())).toEqual({ outcome: 'linked' });
  });

  it('fills nothing in the old access-key form', async () => {
    at('/app/moby/settings', awsDialog('<label for="k">Access Key ID</label><input id="k"><label for="s">Secret Access Key</label><input id="s">'));
    expect(await link(task())).toEqual({ outcome: 'notFound', control: 'roleArnField' });
    expect([...document.querySelectorAll('input')].map((i) => i.value)).toEqual(['', '']);
  });

  it('clicks nothing when the AWS row has two buttons', async () => {
    const clicked = at('/app/moby/settings', settings('<button>Edit</button><button>plug</button>'));
    expect(await link(task())).toEqual({ outcome: 'notFound', control: 'awsPlug' });
    expect(clicked).toEqual([]);
  });

  it('reports an existing link instead of replacing it, unless asked', async () => {
    const clicked = at('/app/moby/settings', settings('<span>Access Key ID: AKIAIOSFODNN7EXAMPLE</span><button aria-label="Disconnect provider">o</button>'));
    expect(await link(task())).toEqual({ outcome: 'alreadyLinked', method: 'access-key' });
    expect(clicked).toEqual([]);
  });

  it('takes its own link, seen again, as linked; when replacing, only once the background says its Save was pressed', async () => {
    const clicked = at('/app/moby/settings', settings(`<span>Role ARN: ${ARN}</span><button aria-label="Disconnect provider">o</button>`));
    expect(await link(task())).toEqual({ outcome: 'linked' });
    expect(await link(task({ replaceExisting: true, saved: true }))).toEqual({ outcome: 'linked' });
    expect(clicked).toEqual([]);
  });

  it('stops when its signal aborts, clicking nothing more', async () => {
    const clicked = at('/app/moby/settings', '<p>Loading…</p>');
    const stop = new AbortController();
    const result = linkAws(task(), { saving: async () => undefined }, stop.signal);
    stop.abort();
    expect(await result).toEqual({ outcome: 'timeout' });
    expect(clicked).toEqual([]);
  });

  it('checks the namespace and the login before anything else', async () => {
    const clicked = at('/app/teamawesome/settings', settings('<span></span><button>o</button>'));
    expect(await link(task())).toEqual({ outcome: 'namespaceMismatch', openNamespace: 'teamawesome' });
    at('/login?next=/', '<form><input name="username"><input type="password"><button>Log in</button></form>');
    expect(await link(task())).toEqual({ outcome: 'loggedOut' });
    expect(clicked).toEqual([]);
  });
});

describe('readTask', () => {
  const junk = fc.oneof(fc.string(), fc.constantFrom('Moby', ' moby', 'mo', 'arn:aws:iam::1:role/x', 'arn:aws:iam::123456789012:user/x'));
  const candidate = fc.record({
    id: fc.oneof(fc.constant('0123456789abcdef0123456789abcdef'), fc.string({ maxLength: 40 })),
    saved: fc.oneof(fc.boolean(), fc.constant(1)),
    namespace: fc.oneof(namespaceArb, junk),
    roleArn: fc.oneof(roleArnArb, junk),
    replaceExisting: fc.oneof(fc.boolean(), fc.constant('true')),
  });

  it('accepts exactly what dockerTaskSchema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.constant(null), fc.anything()), (answer) => {
        const parsed = dockerTaskSchema.safeParse(answer);
        expect(readTask(answer)).toEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 500 },
    );
  });
});
