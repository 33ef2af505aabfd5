// The background's answers, checked by hand: zod would triple this content script's size (see the budget
// in the notes). test/unit/aws-answers.test.ts proves these accept exactly what the core's schemas accept.
import type { Problem } from '../../core/problem';
import { CONSOLE_TASKS, STEPS } from '../../core/flow';
import type { AwsPlan } from '../../core/schemas';

type Plan = NonNullable<AwsPlan>;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
// The core's rules for a canonical namespace and a role name, as patterns (the unit test holds them equal).
const NAMESPACE = /^[a-z0-9]{4,30}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

const PLAN_KEYS = ['namespace', 'externalId', 'policyName', 'policyDocument', 'policyDescription', 'roleName', 'roleDescription', 'trustedAccountId', 'nextStep', 'task', 'armed'];

/** The plan, or null for anything that is not one (no link in progress, or a garbled answer). */
export function readPlan(v: unknown): Plan | null {
  if (!isObject(v)) return null;
  const ns = v.namespace;
  const ok =
    text(ns, 64) &&
    NAMESPACE.test(ns) &&
    text(v.externalId, 1224) &&
    text(v.policyName, 128) &&
    text(v.policyDocument, 6144) &&
    text(v.policyDescription, 1000) &&
    text(v.roleName, 64) &&
    ROLE_NAME.test(v.roleName) &&
    text(v.roleDescription, 1000) &&
    typeof v.trustedAccountId === 'string' &&
    /^\d{12}$/.test(v.trustedAccountId) &&
    (v.nextStep === null || (STEPS as readonly unknown[]).includes(v.nextStep)) &&
    (CONSOLE_TASKS as readonly unknown[]).includes(v.task) &&
    typeof v.armed === 'boolean';
  // Unknown keys are dropped, as zod's object does.
  return ok ? (Object.fromEntries(PLAN_KEYS.map((k) => [k, v[k]])) as Plan) : null;
}

function readProblem(v: unknown): Problem | null {
  if (!isObject(v) || !text(v.message, 64) || !/^[A-Za-z0-9_]+$/.test(v.message)) return null;
  const subs = v.substitutions;
  if (subs === undefined) return { message: v.message as Problem['message'] };
  if (!Array.isArray(subs) || subs.length > 9 || !subs.every((s) => text(s, 1024))) return null;
  return { message: v.message as Problem['message'], substitutions: subs as string[] };
}

/** The verdict on an observed role: its problems (empty = ready to link), or null for a garbled answer. */
export function readVerdict(v: unknown): Problem[] | null {
  if (!isObject(v) || !Array.isArray(v.problems)) return null;
  const problems = v.problems.map(readProblem);
  return problems.every((p) => p !== null) ? (problems as Problem[]) : null;
}
