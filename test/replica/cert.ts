// A self-signed certificate for the replica's HTTPS server, made once with the openssl CLI and
// cached, so Chromium can load the real console host names (with ignoreHTTPSErrors).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const CERT_DIR = join(repoRoot, '.cache', 'replica-cert');

const SUBJECT_ALT_NAMES = [
  'DNS:console.aws.amazon.com',
  'DNS:*.console.aws.amazon.com',
  'DNS:cloud.docker.com',
  'DNS:localhost',
  'IP:127.0.0.1',
];

export interface ReplicaCert {
  key: string;
  cert: string;
}

export function ensureReplicaCert(): ReplicaCert {
  const keyPath = join(CERT_DIR, 'key.pem');
  const certPath = join(CERT_DIR, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(CERT_DIR, { recursive: true });
    // Write under temporary names and rename, so parallel test workers never read half a file.
    const suffix = `.${process.pid}.tmp`;
    const configPath = join(CERT_DIR, `openssl.cnf${suffix}`);
    writeFileSync(
      configPath,
      [
        '[req]',
        'distinguished_name = dn',
        'x509_extensions = ext',
        'prompt = no',
        '[dn]',
        'CN = console.aws.amazon.com',
        '[ext]',
        `subjectAltName = ${SUBJECT_ALT_NAMES.join(',')}`,
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = digitalSignature,keyEncipherment',
        'extendedKeyUsage = serverAuth',
        '',
      ].join('\n'),
    );
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-sha256',
        '-keyout', keyPath + suffix, '-out', certPath + suffix, '-config', configPath],
      { stdio: 'ignore' },
    );
    rmSync(configPath, { force: true });
    renameSync(keyPath + suffix, keyPath);
    renameSync(certPath + suffix, certPath);
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
