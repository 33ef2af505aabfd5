// The IAM content script checks the background's answers by hand (to stay small); these must accept
// exactly what the core's zod schemas accept, and return the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TASKS, STEPS } from '../../src/core/flow';
import { awsPlanSchema, roleVerdictSchema } from '../../src/core/schemas';
import { readPlan, readVerdict } from '../../src/content/aws/answers';
import { namespaceArb, roleNameArb, stringFrom } from './arbitraries';

const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.anything() });

const planArb = fc.record(
  {
    namespace: maybe(fc.oneof(namespaceArb, namespaceArb.map((n) => ` ${n}`), namespaceArb.map((n) => n.toUpperCase()))),
    externalId: maybe(fc.string({ maxLength: 1300 })),
    policyName: maybe(fc.string({ maxLength: 130 })),
    policyDocument: maybe(fc.string({ maxLength: 40 })),
    policyDescription: maybe(fc.string({ maxLength: 40 })),
    roleName: maybe(fc.oneof(roleNameArb, fc.string({ maxLength: 70 }))),
    roleDescription: maybe(fc.string({ maxLength: 40 })),
    trustedAccountId: maybe(fc.oneof(stringFrom('0123456789', 11, 13), fc.constant('689684103426'))),
    nextStep: maybe(fc.oneof(fc.constant(null), fc.constantFrom(...STEPS), fc.string())),
    task: maybe(fc.oneof(fc.constantFrom(...CONSOLE_TASKS), fc.string())),
    armed: maybe(fc.boolean()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const problemArb = fc.record(
  {
    message: fc.oneof(stringFrom('abcXYZ_09', 1, 70), fc.string({ maxLength: 10 })),
    substitutions: fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), { maxLength: 11 }),
  },
  { requiredKeys: ['message'] },
);

describe('content-side answer checks', () => {
  it('accept the same plans as awsPlanSchema, with the same value', () => {
    fc.assert(
      fc.property(fc.oneof(planArb, fc.constant(null), fc.anything()), (raw) => {
        const schema = awsPlanSchema.safeParse(raw);
        const mine = readPlan(raw);
        if (!schema.success || schema.data === null) expect(mine).toBeNull();
        else expect(mine).toEqual(schema.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('accept a real plan', () => {
    const plan = {
      namespace: 'moby',
      externalId: 'moby',
      policyName: 'dockercloud-policy',
      policyDocument: '{}',
      policyDescription: 'd',
      roleName: 'dockercloud-role',
      roleDescription: 'r',
      trustedAccountId: '689684103426',
      nextStep: 'policyCreated',
      task: 'createPolicy',
      armed: false,
    };
    expect(readPlan(plan)).toEqual(plan);
  });

  it('accept the same verdicts as roleVerdictSchema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ problems: fc.array(problemArb, { maxLength: 4 }) }), fc.anything()), (raw) => {
        const schema = roleVerdictSchema.safeParse(raw);
        const mine = readVerdict(raw);
        if (!schema.success) expect(mine).toBeNull();
        else expect(mine).toEqual(schema.data.problems);
      }),
      { numRuns: 3000 },
    );
  });
});
