import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDockerCloudError } from '../../src/core/docker-errors';
import { render } from './messages';

const idOf = (text: string) => diagnoseDockerCloudError(text).message;

describe('diagnoseDockerCloudError', () => {
  it('recognises the errors users hit, as Docker Cloud words them', () => {
    expect(
      idOf(
        'AWS returned an error: unauthorized operation. Please check that the AWS credentials you have provided have enough permissions',
      ),
    ).toBe('dockerErrorPassRole');
    expect(idOf('Invalid AWS credentials or insufficient EC2 permissions')).toBe('dockerErrorExternalId');
    expect(idOf('Invalid AWS role or insufficient permissions')).toBe('dockerErrorInvalidRole');
    expect(idOf('Authentication credentials were not provided.')).toBe('dockerErrorLoggedOut');
    expect(idOf('You are not authenticated')).toBe('dockerErrorLoggedOut');
    expect(idOf('Please log in again')).toBe('dockerErrorLoggedOut');
    expect(idOf('Login required')).toBe('dockerErrorLoggedOut');
  });

  it('ignores case and line breaks in the page text', () => {
    expect(idOf('INVALID AWS ROLE\n  or   insufficient\tpermissions')).toBe('dockerErrorInvalidRole');
  });

  it('tells the user the cause and the fix, quoting what Docker Cloud said', () => {
    const passRole = render(diagnoseDockerCloudError('AWS returned an error: unauthorized operation'));
    expect(passRole).toContain('Docker Cloud said: "AWS returned an error: unauthorized operation".');
    expect(passRole).toContain('iam:PassRole');
    expect(render(diagnoseDockerCloudError('Invalid AWS credentials or insufficient EC2 permissions'))).toContain('External ID');
    expect(render(diagnoseDockerCloudError('Invalid AWS role or insufficient permissions'))).toContain('689684103426');
    expect(render(diagnoseDockerCloudError('Authentication credentials were not provided.'))).toContain('Log in to Docker Cloud');
  });

  it('shows an unknown error as it is, tidied', () => {
    expect(diagnoseDockerCloudError('  Something\n\nbroke  ')).toEqual({ message: 'dockerErrorUnknown', substitutions: ['Something broke'] });
    expect(render(diagnoseDockerCloudError('Quota exceeded'))).toBe('Docker Cloud said: "Quota exceeded".');
  });

  it('does not read "log in" inside other words as a log-in problem', () => {
    expect(idOf('The AMI is not in the catalog in us-east-1')).toBe('dockerErrorUnknown');
    expect(idOf('Failed to write the audit log index')).toBe('dockerErrorUnknown');
  });

  it('clips the untrusted text to 300 characters', () => {
    const long = `Invalid AWS role or insufficient permissions ${'x'.repeat(1000)}`;
    const problem = diagnoseDockerCloudError(long);
    expect(problem.message).toBe('dockerErrorInvalidRole');
    expect(problem.substitutions?.[0]).toHaveLength(300);
  });

  it('always gives one known message with one clipped, single-line substitution (property)', () => {
    const known = [
      'unauthorized operation',
      'Invalid AWS credentials or insufficient EC2 permissions',
      'Invalid AWS role or insufficient permissions',
      'Authentication credentials were not provided',
    ];
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.option(fc.constantFrom(...known)), fc.string({ maxLength: 50 }), (before, k, after) => {
        const text = `${before}${k === null ? '' : ` ${k} `}${after}`;
        const problem = diagnoseDockerCloudError(text);
        expect(problem.message.startsWith('dockerError')).toBe(true);
        expect(problem.substitutions).toHaveLength(1);
        const quoted = problem.substitutions?.[0] ?? '';
        expect(quoted.length).toBeLessThanOrEqual(300);
        expect(quoted).not.toMatch(/\s\s|[\n\r\t]|^\s/);
        expect(render(problem)).toContain(quoted);
        if (k !== null && before.length < 200) expect(problem.message).not.toBe('dockerErrorUnknown');
      }),
      { numRuns: 2000 },
    );
  });
});
