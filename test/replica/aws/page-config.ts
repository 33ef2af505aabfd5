// What the server injected into the HTML shell: the replica config and the signed-in account.
import { defaultConfig, REPLICA_ACCOUNT_ID, type ReplicaConfig } from '../state';

export function readPageConfig(): ReplicaConfig {
  const text = document.getElementById('replica-config')?.textContent;
  return text ? (JSON.parse(text) as ReplicaConfig) : defaultConfig();
}

export function readAccountId(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="replica-account-id"]')?.content || REPLICA_ACCOUNT_ID;
}
