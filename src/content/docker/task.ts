// The background's answer to dockerGetTask, checked with the core's own validators: the same rules as
// dockerTaskSchema without bundling zod into a script that runs on every Docker Cloud page.
import { parseRoleArn } from '../../core/arn';
import { parseNamespace } from '../../core/names';
import type { DockerTask } from '../../core/schemas';

export type Task = NonNullable<DockerTask>;

export function readTask(answer: unknown): Task | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { id, namespace, roleArn, replaceExisting, saved } = answer as Record<string, unknown>;
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) return null;
  if (typeof namespace !== 'string' || namespace.length > 64 || typeof roleArn !== 'string' || roleArn.length > 2048) return null;
  const ns = parseNamespace(namespace);
  if (!ns.ok || ns.value !== namespace || !parseRoleArn(roleArn).ok || typeof replaceExisting !== 'boolean' || typeof saved !== 'boolean') return null;
  return { id, namespace: ns.value, roleArn, replaceExisting, saved };
}
