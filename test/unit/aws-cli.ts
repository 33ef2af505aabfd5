// Running a script under the real AWS CLI v2 against the loopback fake IAM, with dummy credentials only.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeIam, RecordedRequest } from './fake-iam';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const exec = (file: string, args: string[], env?: NodeJS.ProcessEnv, input?: string) =>
  new Promise<Run>((resolve) => {
    // Asynchronous: the fake IAM answers from this same process.
    const child = execFile(file, args, { env, encoding: 'utf8', timeout: 150_000 }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });

/** Debian's awscli (v2), or another v2 on PATH; the script is written for v2. */
export async function findAwsCliV2(): Promise<string | null> {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'aws'));
  for (const candidate of [process.env.AWS_CLI, '/usr/bin/aws', ...onPath]) {
    if (!candidate) continue;
    const version = await exec(candidate, ['--version']).catch(() => null);
    if (version?.code === 0 && /^aws-cli\/2\./.test(version.stdout + version.stderr)) return candidate;
  }
  return null;
}

/** CI (.ci/run sets REQUIRE_AWS_CLI) must run these tests; elsewhere they skip with a line saying why. */
export async function awsCliOrSkip(): Promise<string | null> {
  const aws = await findAwsCliV2();
  if (aws !== null) return aws;
  const line = 'AWS CLI v2 not found (Debian: apt-get install awscli): the CloudShell script tests are skipped.';
  if (process.env.CI || process.env.REQUIRE_AWS_CLI) throw new Error(`${line.replace('are skipped', 'cannot run')} .ci/run installs it.`);
  console.warn(line);
  return null;
}

export interface CliSandbox {
  /** Runs the script with bash (or pasted into an interactive bash); every `aws` call goes to the fake. */
  run(script: string, region?: string | null, how?: 'file' | 'pasted'): Promise<{ run: Run; requests: RecordedRequest[]; lastLine: string | undefined }>;
  close(): void;
}

export function cliSandbox(aws: string, fake: FakeIam): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'cli-script-'));
  // The script calls `aws`; this wrapper first on PATH points every call at the loopback endpoint.
  writeFileSync(join(dir, 'aws'), `#!/bin/sh\nexec '${aws}' --endpoint-url '${fake.url}' "$@"\n`);
  chmodSync(join(dir, 'aws'), 0o755);
  return {
    async run(script, region = 'eu-west-1', how = 'file') {
      const file = join(dir, 'link.sh');
      writeFileSync(file, script);
      const before = fake.requests.length;
      // Pasted: the terminal's shell reads it, then says how it ended and that it is still there.
      const pasted = `${script}\necho "exit status $?"\necho terminal-still-open\n`;
      const args = how === 'file' ? [file] : ['--norc', '--noprofile', '-i'];
      const run = await exec('bash', args, {
        PATH: `${dir}:/usr/bin:/bin`,
        HOME: dir,
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
        AWS_ACCESS_KEY_ID: 'AKIDNOCONSOLETEST',
        AWS_SECRET_ACCESS_KEY: 'not-a-secret',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        ...(region === null ? {} : { AWS_REGION: region }),
      }, how === 'pasted' ? pasted : undefined);
      return { run, requests: fake.requests.slice(before), lastLine: run.stdout.trimEnd().split('\n').pop() };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
