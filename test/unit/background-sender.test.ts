import { describe, expect, it } from 'vitest';
import { classifySender, type Extension, type Sender } from '../../src/background/sender';

const ext: Extension = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/', popupPath: '/src/popup/index.html' };
const tab = { id: 7 };
const from = (url: string, more: Partial<Sender> = {}): Sender => ({ id: ext.id, url, frameId: 0, tab, ...more });
const role = (s: Sender) => {
  const v = classifySender(s, ext);
  return v.ok ? v.role : null;
};

describe('classifySender', () => {
  it('knows the popup, in the toolbar (no tab) or opened as a page', () => {
    expect(role({ id: ext.id, url: `${ext.origin}src/popup/index.html` })).toBe('popup');
    expect(role(from(`${ext.origin}src/popup/index.html`))).toBe('popup');
  });

  it('knows IAM pages on the global and regional console hosts, top frame only', () => {
    expect(role(from('https://console.aws.amazon.com/iam/home#/roles'))).toBe('aws');
    expect(role(from('https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles/details/x'))).toBe('aws');
    expect(role(from('https://console.aws.amazon.com/iam/home', { frameId: 3 }))).toBeNull();
  });

  it('knows IAM pages on multi-session hosts (account id first) and under /iamv2/', () => {
    expect(role(from('https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles'))).toBe('aws');
    expect(role(from('https://111122223333-abcd1234.console.aws.amazon.com/iam/home#/roles'))).toBe('aws');
    expect(role(from('https://console.aws.amazon.com/iamv2/home#/roles'))).toBe('aws');
    expect(role(from('https://us-east-1.console.aws.amazon.com/iamv3/home#/roles'))).toBeNull();
    expect(role(from('https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/ec2/home'))).toBeNull();
  });

  it('knows Docker Cloud, top frame only', () => {
    expect(role(from('https://cloud.docker.com/app/moby/settings'))).toBe('docker');
    expect(role(from('https://cloud.docker.com/', { frameId: 1 }))).toBeNull();
  });

  it.each([
    ['another extension', { ...from('https://cloud.docker.com/'), id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['no id', { url: 'https://cloud.docker.com/', frameId: 0, tab }],
    ['no URL', { id: ext.id, frameId: 0, tab }],
    ['another extension page', from(`${ext.origin}src/other.html`)],
    ['the popup in a frame', from(`${ext.origin}src/popup/index.html`, { frameId: 2 })],
    ['a console page outside IAM', from('https://console.aws.amazon.com/ec2/home')],
    ['http console', from('http://console.aws.amazon.com/iam/home')],
    ['a console look-alike host', from('https://console.aws.amazon.com.evil.example/iam/home')],
    ['a deeper console subdomain', from('https://a.b.console.aws.amazon.com/iam/home')],
    ['three labels, even in the multi-session form', from('https://111122223333-abcd1234.a.b.console.aws.amazon.com/iam/home')],
    ['a multi-session look-alike without the account id', from('https://11112222-abcd1234.us-east-1.console.aws.amazon.com/iam/home')],
    ['a suffix look-alike', from('https://evilconsole.aws.amazon.com/iam/home')],
    ['a Docker look-alike', from('https://cloud.docker.com.evil.example/')],
    ['a Docker subdomain', from('https://hub.docker.com/')],
    ['a non-default port', from('https://cloud.docker.com:8443/')],
    ['a page without a tab', { id: ext.id, url: 'https://cloud.docker.com/', frameId: 0 }],
    ['an unparsable URL', from('not a url')],
  ])('rejects %s, saying why', (_name, sender) => {
    const verdict = classifySender(sender as Sender, ext);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).not.toBe('');
  });
});
