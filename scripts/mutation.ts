// Mutation check: for each named defence, disable it in a scratch copy of the tree and run the tests that
// should catch it. Prints a table (defence, mutation, tests run, caught). A defence whose mutation no test
// catches needs a test; a mutation whose text is no longer in its file fails loudly, to be re-pointed.
//   npm run mutation                      every defence, unit and browser tests (browser runs take the e2e lock)
//   npm run mutation -- --only senderTopFrame,roleName    some defences
//   npm run mutation -- --unit-only       skip the browser tests (minutes instead of tens of minutes)
//   npm run mutation -- --no-baseline     skip running each test list once unmutated first
//   npm run mutation -- --list            the defences and their mutations, nothing run
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

interface Edit {
  file: string;
  search: string;
  replace: string;
}

interface Defence {
  id: string;
  /** The defence as the threat model and the issues name it. */
  name: string;
  /** What the mutation does, in words. */
  mutation: string;
  /** Exact search → replace edits; absent when the defence does not exist in the code yet. */
  edits?: Edit[];
  /** Why there is nothing to mutate yet. */
  notPresent?: string;
  unit: string[];
  e2e: string[];
}

const DEFENCES: Defence[] = [
  {
    id: 'senderTopFrame',
    name: 'sender policy: top frame only',
    mutation: 'content-script messages from any frame accepted',
    edits: [{ file: 'src/background/sender.ts', search: "if (sender.frameId !== 0) return { ok: false, reason: `frame ${String(sender.frameId)} is not the top frame` };", replace: '' }],
    unit: ['test/unit/background-sender.test.ts', 'test/unit/hardening.test.ts'],
    e2e: ['test/e2e/hardening-messages.test.ts'],
  },
  {
    id: 'senderAwsHost',
    name: 'sender policy: console host',
    mutation: 'any host ending in console.aws.amazon.com accepted',
    edits: [
      {
        file: 'src/background/sender.ts',
        search: String.raw`const AWS_CONSOLE_HOST = /^(?:\d{12}-[a-z0-9]{1,50}\.)?(?:[a-z0-9-]{1,63}\.)?console\.aws\.amazon\.com$/;`,
        replace: String.raw`const AWS_CONSOLE_HOST = /console\.aws\.amazon\.com$/;`,
      },
    ],
    unit: ['test/unit/background-sender.test.ts', 'test/unit/hardening.test.ts', 'test/unit/manifest.test.ts'],
    e2e: [],
  },
  {
    id: 'senderDockerHost',
    name: 'sender policy: Docker Cloud host',
    mutation: 'any host ending in cloud.docker.com accepted',
    edits: [{ file: 'src/background/sender.ts', search: 'if (url.hostname === DOCKER_CLOUD_HOST)', replace: 'if (url.hostname.endsWith(DOCKER_CLOUD_HOST))' }],
    unit: ['test/unit/background-sender.test.ts', 'test/unit/hardening.test.ts', 'test/unit/manifest.test.ts'],
    e2e: [],
  },
  {
    id: 'roleName',
    name: 'role-name check (observed role)',
    mutation: "another role's page (ARN and trust policy) replaces the link's role",
    edits: [
      {
        file: 'src/background/reducer.ts',
        search: "// Another role's page (the user browsing IAM) must not replace this namespace's role.\n      const expected = roleNameOf(link);\n      if (arn.value.roleName !== expected) {",
        replace: "const expected = roleNameOf(link);\n      if (false) {",
      },
    ],
    unit: ['test/unit/background-reducer.test.ts'],
    e2e: [],
  },
  {
    id: 'roleNameShown',
    name: 'role-name check (ARN shown)',
    mutation: "the ARN shown on another role's page is captured as the link's",
    edits: [
      {
        file: 'src/background/reducer.ts',
        search: "const arn = parseRoleArn(request.roleArn);\n      if (!arn.ok) return unchanged(world, verdict(arn.problem));\n      const expected = roleNameOf(link);\n      if (arn.value.roleName !== expected) {",
        replace: "const arn = parseRoleArn(request.roleArn);\n      if (!arn.ok) return unchanged(world, verdict(arn.problem));\n      const expected = roleNameOf(link);\n      if (false) {",
      },
    ],
    unit: ['test/unit/background-reducer.test.ts'],
    e2e: [],
  },
  {
    id: 'roleNameCreated',
    name: 'role-name check (role created)',
    mutation: 'a role created under another name completes the step',
    edits: [{ file: 'src/background/reducer.ts', search: 'if (request.roleName !== link.settings.roleName) {', replace: 'if (false) {' }],
    unit: ['test/unit/background-reducer.test.ts'],
    e2e: [],
  },
  {
    id: 'secondArnRead',
    name: 'second ARN read',
    mutation: 'the ARN is not read again once the role page settled',
    edits: [{ file: 'src/content/aws/pages/role-details.ts', search: 'if (roleArnOnPage(plan.roleName) !== arn) return', replace: 'if (false) return' }],
    unit: [],
    e2e: ['test/e2e/hardening-page.test.ts'],
  },
  {
    id: 'captureAfterSettle',
    name: 'ARN captured only once the role page was read and settled',
    mutation: 'the ARN is reported for capture at first sight, before the page is read (a forged copy shown while the role loads is taken)',
    edits: [
      {
        file: 'src/content/aws/pages/role-details.ts',
        search: "    if (!arn) return guide.show({ title: t('awsRoleArnNotFound'), tone: 'error' });\n",
        replace: "    if (!arn) return guide.show({ title: t('awsRoleArnNotFound'), tone: 'error' });\n    await reportRoleArnShown(arn);\n",
      },
    ],
    unit: [],
    e2e: ['test/e2e/hardening-page.test.ts'],
  },
  {
    id: 'mfaReadBack',
    name: 'MFA read-back (trusted-entity step)',
    mutation: '"Require MFA: not ticked" claimed without reading the box',
    edits: [
      {
        file: 'src/content/aws/pages/role-trusted-entity.ts',
        search: "filling.check(() => switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));",
        replace: "filling.filled.push({ label: t('awsFieldRequireMfa'), value: t('awsValueNotTicked') });",
      },
    ],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: ['test/e2e/aws-role.test.ts'],
  },
  {
    id: 'checkedReadBack',
    name: 'MFA read-back (checkbox primitive)',
    mutation: 'setChecked reports success without reading the box',
    edits: [{ file: 'src/content/aws/dom/controls.ts', search: '  return input.checked === checked;', replace: '  return true;' }],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: [],
  },
  {
    id: 'trustMfa',
    name: 'MFA in the trust policy read back',
    mutation: 'an MFA condition in the role\'s trust policy is not reported',
    edits: [{ file: 'src/core/trust-policy.ts', search: "if (mfa) add({ message: 'trustMfaRequired' });", replace: '' }],
    unit: ['test/unit/trust-policy.test.ts'],
    e2e: ['test/e2e/aws-role-details.test.ts'],
  },
  {
    id: 'exactlyOne',
    name: 'exactly-one rule',
    mutation: 'the first of several visible candidates is taken as the control',
    edits: [{ file: 'src/content/aws/dom/find.ts', search: 'if (unique.length === 1 && unique[0])', replace: 'if (unique.length >= 1 && unique[0])' }],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: ['test/e2e/aws-fallback.test.ts'],
  },
  {
    id: 'scopedRegion',
    name: 'scoped-region rule',
    mutation: "controls are looked for in the whole document (the global header's too), not only in the console's main content",
    edits: [
      { file: 'src/content/aws/dom/find.ts', search: 'root = mains.length === 1 && mains[0] ? mains[0] : (document.body ?? document.documentElement);', replace: 'root = document.body;' },
      {
        file: 'src/content/aws/dom/find.ts',
        search: "if (!root.contains(el) || el.closest(OUTSIDE)) return false;\n  return root !== document.body || !el.closest('header');",
        replace: 'return root.contains(el);',
      },
    ],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: ['test/e2e/drift-matrix.test.ts'],
  },
  {
    id: 'fillAndHold',
    name: 'fill-and-hold: a value the page resets is not claimed',
    mutation: 'values are never read again once set: one the page resets is still said to be filled',
    edits: [{ file: 'src/content/aws/pages/filling.ts', search: 'if (await h.holds()) {', replace: 'if (true) {' }],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: ['test/e2e/aws-role.test.ts'],
  },
  {
    id: 'fillAndHoldRefill',
    name: 'fill-and-hold: a value the page resets is filled again',
    mutation: 'a value the page put back is given to the user at once, never set again',
    edits: [
      {
        file: 'src/content/aws/pages/filling.ts',
        search:
          "        h.refills++;\n        h.since = performance.now();\n        if (!(await h.apply())) this.drop(h, 'lost');\n        // Put back after the callout said \"filled\": not filled again until it has held again.\n        else if (this.shown && !h.settling) this.setSettling(h, true);",
        replace: "        this.drop(h, 'lost');",
      },
    ],
    unit: ['test/unit/trusted-entity-step.test.ts'],
    e2e: ['test/e2e/drift-matrix.test.ts'],
  },
  {
    id: 'holdAfterReset',
    name: 'fill-and-hold: a value the page put back holds longer before "filled"',
    mutation: 'a value the page put back is said filled after the first hold window, like one it never touched',
    edits: [{ file: 'src/content/aws/pages/filling.ts', search: '(h.refills > 0 ? HOLD_AFTER_RESET_MS : HOLD_MS)', replace: 'HOLD_MS' }],
    unit: ['test/unit/filling.test.ts'],
    e2e: [],
  },
  {
    id: 'resetAfterFilled',
    name: 'fill-and-hold: a reset after "filled" leaves the filled rows until the value holds again',
    mutation: 'a value put back after the callout said "filled" is set again and still shown as filled',
    edits: [{ file: 'src/content/aws/pages/filling.ts', search: 'else if (this.shown && !h.settling) this.setSettling(h, true);', replace: '' }],
    unit: ['test/unit/filling.test.ts'],
    e2e: [],
  },
  {
    id: 'armedVisitContent',
    name: 'armed-visit gate (content side, admitVisit)',
    mutation: 'an unarmed visit of the step in progress is filled at once, without the user pressing the offer',
    edits: [{ file: 'src/content/aws/armed.ts', search: '  if (plan.armed) {\n    reportFor(plan);', replace: '  if (true) {\n    reportFor(plan);' }],
    unit: ['test/unit/armed-visit.test.ts'],
    e2e: ['test/e2e/hardening-armed.test.ts'],
  },
  {
    id: 'armedVisitStep',
    name: 'armed-visit gate (only the step in progress)',
    mutation: "a page of another step than the link's next one is filled or offered too",
    edits: [{ file: 'src/content/aws/armed.ts', search: 'if (task === null || !serves(page, plan)) return null;', replace: 'if (task === null) return null;' }],
    unit: ['test/unit/armed-visit.test.ts'],
    e2e: [],
  },
  {
    id: 'armedVisitRouter',
    name: 'armed-visit gate (the router asks it)',
    mutation: 'the router runs a page with the plan it got, armed or not, without passing the gate',
    edits: [{ file: 'src/content/aws/router.ts', search: 'const admitted = await admitVisit(page, current, signal);', replace: 'const admitted = current;' }],
    unit: [],
    e2e: ['test/e2e/hardening-armed.test.ts'],
  },
  {
    id: 'armedVisitBackground',
    name: 'armed-visit gate (background refuses unarmed reports)',
    mutation: "reports from a tab not armed for the link change the link's progress",
    edits: [{ file: 'src/background/reducer.ts', search: 'if (armOf(world, tabId, now)?.link.settings.namespace !== ns) return', replace: 'if (false) return' }],
    unit: ['test/unit/background-reducer.test.ts'],
    e2e: [],
  },
  {
    id: 'engineOnDemand',
    name: 'console engine only while a link is in progress',
    mutation: 'the background injects the engine into every IAM page that asks, link or not',
    edits: [{ file: 'src/background/index.ts', search: 'return replied.then((plan) => plan !== null && startEngine(sender, plan));', replace: 'return replied.then((plan) => startEngine(sender, plan));' }],
    unit: [],
    e2e: ['test/e2e/aws-policy.test.ts'],
  },
];

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
const unitOnly = flag('--unit-only');
const baseline = !flag('--no-baseline');

if (only) for (const id of only) if (!DEFENCES.some((d) => d.id === id)) fail(`unknown defence ${id}; known: ${DEFENCES.map((d) => d.id).join(', ')}`);
const chosen = DEFENCES.filter((d) => !only || only.has(d.id));

function fail(message: string): never {
  console.error(`mutation: ${message}`);
  process.exit(2);
}

// Every mutation must still point at its code, before anything runs.
for (const d of DEFENCES) {
  for (const edit of d.edits ?? []) {
    const text = readFileSync(join(ROOT, edit.file), 'utf8');
    const count = text.split(edit.search).length - 1;
    if (count === 0) fail(`defence ${d.id}: pattern not found in file ${edit.file} — the code moved, re-point the mutation\n  pattern: ${edit.search}`);
    if (count > 1) fail(`defence ${d.id}: pattern found ${count} times in file ${edit.file} — make it unique\n  pattern: ${edit.search}`);
  }
}

if (flag('--list')) {
  for (const d of DEFENCES) console.log(`${d.id}: ${d.name} — ${d.notPresent ? `not present yet (${d.notPresent})` : `${d.mutation}; tests: ${[...d.unit, ...d.e2e].join(', ')}`}`);
  process.exit(0);
}

/** A copy of the working tree (tracked and untracked, not ignored) with node_modules linked. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) fail(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface Run {
  failed: string[];
  passed: number;
  ok: boolean;
  error: string | null;
}

/** Runs test files of one vitest project in the scratch copy; browser runs wait for the shared e2e lock. */
function runTests(dir: string, project: 'unit' | 'e2e', files: string[]): Run {
  const out = join(dir, `.mutation-${project}.json`);
  rmSync(out, { force: true });
  const vitest = ['npx', 'vitest', 'run', '--project', project, ...files, '--reporter=json', `--outputFile=${out}`];
  const command = project === 'e2e' ? ['flock', '/tmp/e2e.lock', ...vitest] : vitest;
  const began = Date.now();
  const result = spawnSync(command[0] ?? 'npx', command.slice(1), { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Math.round((Date.now() - began) / 1000);
  if (!existsSync(out)) return { failed: [], passed: 0, ok: false, error: `no report (exit ${result.status}): ${(result.stderr || result.stdout).slice(-400)}` };
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
  };
  const failed = report.testResults.flatMap((file) => [
    ...file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName),
    ...(file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed') ? [`${file.name.replace(`${dir}/`, '')}: ${(file.message ?? 'suite failed').split('\n')[0]}`] : []),
  ]);
  process.stderr.write(`    ${project}: ${report.numPassedTests} passed, ${failed.length} failed (${seconds} s)\n`);
  return { failed, passed: report.numPassedTests, ok: failed.length === 0 && result.status === 0, error: null };
}

interface Row {
  defence: Defence;
  tests: string;
  caught: string;
  by: string;
}

const rows: Row[] = [];
const dir = scratchCopy();
process.stderr.write(`mutation: scratch copy in ${dir}\n`);
try {
  const baselines = new Map<string, Run>();
  for (const d of chosen) {
    const e2e = unitOnly ? [] : d.e2e;
    const tests = [...d.unit, ...e2e].map((f) => f.replace(/^test\//, '')).join(', ') || '-';
    if (!d.edits) {
      rows.push({ defence: d, tests: '-', caught: 'not present yet', by: d.notPresent ?? '' });
      continue;
    }
    if (d.unit.length === 0 && e2e.length === 0) {
      rows.push({ defence: d, tests: '-', caught: 'NOT RUN (browser tests skipped)', by: `e2e: ${d.e2e.join(', ')}` });
      continue;
    }
    process.stderr.write(`\n${d.id}: ${d.mutation}\n`);
    const groups = [['unit', d.unit], ['e2e', e2e]] as const;
    /**
     * The test list unmutated (once per list), so that a failure below is the mutation's doing: a test that
     * already fails without it (a stale one on main) never counts as catching it.
     */
    const clean = (project: 'unit' | 'e2e', files: readonly string[]): Run | null => {
      if (!baseline) return null;
      const key = `${project}:${files.join(',')}`;
      if (!baselines.has(key)) {
        process.stderr.write(`  baseline ${project}\n`);
        baselines.set(key, runTests(dir, project, [...files]));
      }
      return baselines.get(key) ?? null;
    };
    // Per file, so that several edits of one file all apply (each on the text the one before left).
    const originals = [...new Set(d.edits.map((e) => e.file))].map((file) => ({
      path: join(dir, file),
      text: readFileSync(join(dir, file), 'utf8'),
      edits: (d.edits ?? []).filter((e) => e.file === file),
    }));
    const mutate = (on: boolean) => {
      for (const o of originals) writeFileSync(o.path, on ? o.edits.reduce((text, e) => text.replace(e.search, () => e.replace), o.text) : o.text);
    };
    const failures: string[] = [];
    /** Tests failing already without the mutation: reported, not counted. */
    const stale: string[] = [];
    const ran: string[] = [];
    let error: string | null = null;
    try {
      // Unit tests first; browser tests only when they did not catch it (browser time is scarce).
      for (const [project, files] of groups) {
        if (files.length === 0) continue;
        mutate(false);
        const before = clean(project, files);
        if (before?.error) {
          error = `${project} tests do not run without the mutation: ${before.error}`;
          break;
        }
        if (before && before.failed.length > 0) stale.push(...before.failed);
        mutate(true);
        process.stderr.write(`  mutated ${project}\n`);
        ran.push(...files.map((f) => f.replace(/^test\//, '')));
        const run = runTests(dir, project, [...files]);
        const fresh = run.failed.filter((name) => !before?.failed.includes(name));
        failures.push(...fresh);
        error ??= run.error;
        if (fresh.length > 0) break;
      }
    } finally {
      mutate(false);
    }
    const caught = failures.length > 0 ? 'yes' : error ? `ERROR: ${error}` : 'NO';
    const by = failures.slice(0, 2).join(' | ') + (failures.length > 2 ? ` (+${failures.length - 2})` : '');
    const note = stale.length > 0 ? ` [already failing without the mutation, not counted: ${stale.join(' | ')}]` : '';
    rows.push({ defence: d, tests: ran.join(', ') || tests, caught, by: by + note });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  ['defence', 'mutation', 'tests run', 'caught', 'first failing tests / note'],
  ...rows.map((r) => [r.defence.name, r.defence.mutation, r.tests, r.caught, r.by]),
];
console.log('');
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`);
  if (i === 0) console.log(`|${row.map(() => ' --- ').join('|')}|`);
}
const missed = rows.filter((r) => r.caught !== 'yes' && r.caught !== 'not present yet');
console.log(`\n${rows.filter((r) => r.caught === 'yes').length} caught, ${missed.length} not caught or not run, ${rows.filter((r) => r.caught === 'not present yet').length} not present yet`);
process.exit(missed.length > 0 ? 1 : 0);
