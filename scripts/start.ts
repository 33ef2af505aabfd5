// npm start: the extension on replicas of the IAM console and Docker Cloud, for anyone without an AWS account.
// With a display: Chromium opens with the extension loaded, the console replica in one tab and the
// popup's first step in another. Without one (or with --headless): the whole link is done headless and an
// illustrated walkthrough (a screenshot per step) is written to a folder this prints.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { AWS_CONSOLE, CHROMIUM, launch } from '../test/e2e/harness';
import { buildReplica } from '../test/replica/server';
import { withExtension } from '../test/e2e/user-flow';
import { hasDisplay, nodeSystem, stopUnlessFound } from './browsers';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !hasDisplay(nodeSystem());
const outIndex = args.indexOf('--out');
const outDir = resolve((outIndex >= 0 && args[outIndex + 1]) || 'artifacts/walkthrough');

const CAPTIONS: Record<string, string> = {
  'popup-first-run': 'First run: the popup asks for your Docker Cloud namespace and the policy you want.',
  'popup-checklist': 'The procedure as a checklist; each step has a button that opens the right page.',
  'console role verified': 'The role page: the Role ARN is captured, the trust relationship checked, and the verdict shown.',
  'popup-ready-to-send': 'Back in the popup: the captured Role ARN, ready to send to Docker Cloud in one click.',
  'docker-cloud-linked': 'Docker Cloud: the extension filled "Add AWS Credentials", saved, and the plug turned green.',
  'popup-linked': 'Every step done: Amazon Web Services is linked.',
};
const caption = (name: string) =>
  CAPTIONS[name] ?? `The console (${name.replace(/^console /, '')}): filled in by the extension, with the next button ringed.`;

async function buildAll(): Promise<void> {
  console.log('Building the extension and the replica pages…');
  process.env.NODE_ENV = 'production';
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  await buildReplica();
}

async function interactive(): Promise<void> {
  const h = await launch({ headless: false });
  await h.page.goto(`${AWS_CONSOLE}/iam/home#/policies`);
  await h.openPopup();
  console.log(`
Chromium is open with the extension loaded (id ${h.extensionId}).
  - the tab "Docker Cloud AWS Link" is the extension's popup: enter a namespace (e.g. moby) and follow the checklist;
  - console.aws.amazon.com and cloud.docker.com are replicas served from this machine (port ${h.server.port});
  - the replica's AWS account is ${h.server.state.accountId}; Docker Cloud is signed in as "${h.server.state.config.docker.signedInAs}".
Close the browser or press Ctrl+C to stop.`);
  const stop = async () => {
    await h.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  h.context.on('close', () => void stop());
}

async function walkthrough(): Promise<void> {
  const h = await launch({ headless: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const steps: { file: string; text: string }[] = [];
  const onStep = async (name: string, page: Page) => {
    const file = `${String(steps.length + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}.png`;
    await page.waitForTimeout(300); // let the ring settle on its control
    await page.screenshot({ path: join(outDir, file) });
    steps.push({ file, text: caption(name) });
    console.log(`  ${file}`);
  };
  try {
    console.log('No display: doing the whole link headless and writing a walkthrough…');
    const run = await withExtension(h, { onStep, log: (line) => console.log(line) });
    const lines = [
      '# Docker Cloud AWS Link: a walkthrough',
      '',
      'Made by `npm start` on replicas of the AWS IAM console and Docker Cloud (no AWS account involved).',
      `The user typed ${run.keys} characters and made ${run.clicks} clicks; ${run.completed ? 'AWS ended up linked.' : `the run stopped: ${run.stoppedAt}`}`,
      '',
      ...steps.flatMap((s, i) => [`## ${i + 1}. ${s.text}`, '', `![${s.text}](${s.file})`, '']),
    ];
    writeFileSync(join(outDir, 'README.md'), lines.join('\n'));
    console.log(`\nWalkthrough: ${join(outDir, 'README.md')} (${steps.length} screenshots)`);
    if (!run.completed) process.exitCode = 1;
  } finally {
    await h.close();
  }
}

stopUnlessFound(CHROMIUM);
await buildAll();
await (headless ? walkthrough() : interactive());
