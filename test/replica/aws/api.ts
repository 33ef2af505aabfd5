// The replica pages' "IAM API": the server records what the wizards create (see server.ts).
import type { CreatedPolicy, CreatedRole } from '../state';

export type Dated<T> = T & { createdAt: string | null };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(`/__replica/iam/${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json()) as T & { error?: string };
    return response.ok ? { ok: true, value: json } : { ok: false, status: response.status, error: json.error ?? 'Error' };
  } catch (error) {
    return { ok: false, status: 0, error: String(error) };
  }
}

export async function listPolicies(): Promise<Dated<CreatedPolicy>[]> {
  const result = await call<{ policies: Dated<CreatedPolicy>[] }>('GET', 'policies');
  return result.ok ? result.value.policies : [];
}

export async function listRoles(): Promise<Dated<CreatedRole>[]> {
  const result = await call<{ roles: Dated<CreatedRole>[] }>('GET', 'roles');
  return result.ok ? result.value.roles : [];
}

export async function getRole(name: string): Promise<Dated<CreatedRole> | null> {
  const result = await call<{ role: Dated<CreatedRole> }>('GET', `roles/${encodeURIComponent(name)}`);
  return result.ok ? result.value.role : null;
}

export function createPolicy(policy: Omit<CreatedPolicy, 'arn'>) {
  return call<{ policy: Dated<CreatedPolicy> }>('POST', 'policies', policy);
}

export function createRole(role: Omit<CreatedRole, 'arn'>) {
  return call<{ role: Dated<CreatedRole> }>('POST', 'roles', role);
}
