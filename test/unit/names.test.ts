import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_NAME } from '../../src/core/docker-cloud';
import {
  NAMESPACE_MAX,
  NAMESPACE_MIN,
  ROLE_NAME_MAX,
  externalIdFor,
  parseNamespace,
  roleNameFor,
  validateExternalId,
  validateRoleName,
} from '../../src/core/names';
import { namespaceArb, roleNameArb, stringFrom } from './arbitraries';
import { renderFailure } from './messages';

const NAMESPACE_RE = /^[a-z0-9]{4,30}$/;
const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/;
const ROLE_NAME_RE = /^[\w+=,.@-]{1,64}$/;

describe('parseNamespace', () => {
  it('accepts the guide\'s examples and the limits 4 and 30', () => {
    for (const name of ['moby', 'teamawesome', 'abcd', 'a'.repeat(30), '2016', 'docker42']) {
      expect(parseNamespace(name)).toEqual({ ok: true, value: name });
    }
    expect([NAMESPACE_MIN, NAMESPACE_MAX]).toEqual([4, 30]);
  });

  it('forgives surrounding whitespace from a paste', () => {
    expect(parseNamespace('  moby\n')).toEqual({ ok: true, value: 'moby' });
    expect(parseNamespace('\tteamawesome ')).toEqual({ ok: true, value: 'teamawesome' });
  });

  it('explains each rejection with its own message', () => {
    const cases: [string, string, string][] = [
      ['', 'namespaceEmpty', 'Enter your Docker Cloud user name'],
      ['   ', 'namespaceEmpty', 'Enter your Docker Cloud user name'],
      ['team awesome', 'namespaceHasSpace', 'no spaces'],
      ['Moby', 'namespaceUppercase', 'use "moby"'],
      ['TEAMAWESOME', 'namespaceUppercase', 'use "teamawesome"'],
      ['team-awesome', 'namespaceInvalidCharacter', '"-" is not allowed'],
      ['team_awesome', 'namespaceInvalidCharacter', '"_" is not allowed'],
      ['moby.dock', 'namespaceInvalidCharacter', '"." is not allowed'],
      ['mobé', 'namespaceInvalidCharacter', '"é" is not allowed'],
      ['moby🐳', 'namespaceInvalidCharacter', '"🐳" is not allowed'],
      ['Team-Awesome', 'namespaceInvalidCharacter', '"T" is not allowed'],
      ['mob', 'namespaceTooShort', '"mob" is too short'],
      ['a'.repeat(31), 'namespaceTooLong', 'at most 30 characters'],
    ];
    for (const [input, id, words] of cases) {
      const result = parseNamespace(input);
      expect(result.ok ? null : result.problem.message, input).toBe(id);
      expect(renderFailure(result), input).toContain(words);
    }
  });

  it('names the first bad character as a whole code point', () => {
    const result = parseNamespace('ab😀cd');
    expect(result).toEqual({ ok: false, problem: { message: 'namespaceInvalidCharacter', substitutions: ['😀'] } });
  });

  it('a lowercase suggestion is itself a valid namespace', () => {
    // "Docker Cloud names are lowercase: use "ab"" would send the user to another rejection.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ09'), minLength: 1, maxLength: 40 }), (input) => {
        const result = parseNamespace(input);
        if (!result.ok && result.problem.message === 'namespaceUppercase') {
          const suggestion = result.problem.substitutions?.[0] ?? '';
          expect(parseNamespace(suggestion).ok, `${input} → ${suggestion}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the lowercase-alphanumeric names of 4 to 30 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abz09AZ-_. é'), maxLength: 40 }), (input) => {
        const result = parseNamespace(input);
        expect(result.ok).toBe(NAMESPACE_RE.test(input.trim()));
        if (result.ok) expect(result.value).toBe(input.trim());
        else expect(renderFailure(result).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and never accepts a name outside the rule, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (input) => {
        const result = parseNamespace(input);
        if (result.ok) expect(result.value).toMatch(NAMESPACE_RE);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid namespace unchanged (property)', () => {
    fc.assert(fc.property(namespaceArb, (ns) => {
      expect(parseNamespace(ns)).toEqual({ ok: true, value: ns });
    }), {
      numRuns: 2000,
    });
  });
});

describe('validateExternalId', () => {
  it('accepts IAM\'s alphabet and lengths 2 to 1224', () => {
    for (const id of ['ab', 'moby', 'a+b=c,d.e@f:g/h-i_j', 'x'.repeat(1224)]) {
      expect(validateExternalId(id)).toEqual({ ok: true, value: id });
    }
  });

  it('rejects lengths and characters IAM rejects, naming the character', () => {
    expect(renderFailure(validateExternalId(''))).toContain('2 to 1224');
    expect(renderFailure(validateExternalId('a'))).toContain('2 to 1224');
    expect(validateExternalId('x'.repeat(1225))).toMatchObject({ ok: false, problem: { message: 'externalIdLength' } });
    expect(renderFailure(validateExternalId('my id'))).toBe('An External ID may not contain " ".');
    expect(renderFailure(validateExternalId('moby#1'))).toContain('"#"');
    expect(renderFailure(validateExternalId('mobé'))).toContain('"é"');
  });

  it('agrees with the IAM rule for any string (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'aZ09_+=,.@:/- #é*'), maxLength: 30 }),
          fc.string({ maxLength: 30 }),
        ),
        (id) => {
          expect(validateExternalId(id).ok).toBe(EXTERNAL_ID_RE.test(id));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('externalIdFor', () => {
  it('is the namespace itself, as Docker Cloud checks', () => {
    expect(externalIdFor('moby' as never)).toBe('moby');
  });

  it('any valid namespace gives an External ID that IAM accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), namespaceArb, (raw, generated) => {
        for (const input of [raw, generated]) {
          const ns = parseNamespace(input);
          if (!ns.ok) continue;
          const id = externalIdFor(ns.value);
          expect(validateExternalId(id)).toEqual({ ok: true, value: id });
          expect(id).toMatch(EXTERNAL_ID_RE);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('validateRoleName', () => {
  it('accepts the guide\'s names and the 64-character limit', () => {
    for (const name of ['dockercloud-role', 'dockercloud-role-moby', 'A+b=c,d.e@f_g-h', 'r'.repeat(64)]) {
      expect(validateRoleName(name)).toEqual({ ok: true, value: name });
    }
    expect(ROLE_NAME_MAX).toBe(64);
  });

  it('rejects with a specific message', () => {
    expect(renderFailure(validateRoleName(''))).toBe('Enter a role name.');
    expect(renderFailure(validateRoleName('r'.repeat(65)))).toBe('A role name has at most 64 characters; this one has 65.');
    expect(renderFailure(validateRoleName('docker/role'))).toContain('"/" is not allowed');
    expect(renderFailure(validateRoleName('docker role'))).toContain('" " is not allowed');
    expect(renderFailure(validateRoleName('role:x'))).toContain('":" is not allowed');
  });

  it('agrees with the IAM rule for any string (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(roleNameArb, stringFrom('aZ09+=,.@_-/: é', 0, 70), fc.string({ maxLength: 70 })),
        (name) => {
          expect(validateRoleName(name).ok).toBe(ROLE_NAME_RE.test(name));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('roleNameFor', () => {
  it('follows the guide: dockercloud-role, or dockercloud-role-<namespace> for a shared account', () => {
    expect(roleNameFor('moby' as never, false)).toBe(DEFAULT_ROLE_NAME);
    expect(roleNameFor('moby' as never, true)).toBe('dockercloud-role-moby');
    expect(roleNameFor('teamawesome' as never, true)).toBe('dockercloud-role-teamawesome');
  });

  it('any valid namespace gives a valid role name within 64 characters (property)', () => {
    fc.assert(
      fc.property(namespaceArb, fc.boolean(), (ns, shared) => {
        const name = roleNameFor(ns, shared);
        expect(name.length).toBeLessThanOrEqual(64);
        expect(validateRoleName(name)).toEqual({ ok: true, value: name });
        if (shared) expect(name.endsWith(`-${ns}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives different namespaces different role names in a shared account (property)', () => {
    fc.assert(
      fc.property(namespaceArb, namespaceArb, (a, b) => {
        fc.pre(a !== b);
        expect(roleNameFor(a, true).toLowerCase()).not.toBe(roleNameFor(b, true).toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
