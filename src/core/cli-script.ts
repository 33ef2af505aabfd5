// The link as a bash script for AWS CloudShell or any AWS CLI v2: the console path's documents, created by the CLI.
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_DESCRIPTION, POLICY_NAME, ROLE_DESCRIPTION } from './docker-cloud';
import type { LinkSettings } from './flow';
import { linkDocuments } from './link-documents';
import { ok, type Result } from './problem';

/** One bash word holding exactly `value`, whatever it contains. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export const cliScriptFileName = (settings: LinkSettings): string => `dockercloud-link-${settings.namespace}.sh`;

export function buildCliScript(settings: LinkSettings): Result<string> {
  const documents = linkDocuments(settings);
  if (!documents.ok) return documents;
  const { policyDocument, roleName, externalId, trustPolicy } = documents.value;
  const q = shellQuote;
  return ok(`#!/usr/bin/env bash
# Docker Cloud AWS Link: links this AWS account to the Docker Cloud namespace ${settings.namespace}.
# Creates the IAM policy ${POLICY_NAME} and the role ${roleName}, which Docker Cloud's AWS account
# ${DOCKER_CLOUD_ACCOUNT_ID} may assume with External ID ${externalId} (no MFA), attaches the policy, and prints the Role ARN last.
# Run it in AWS CloudShell, or wherever AWS CLI v2 is signed in to the account: bash ${cliScriptFileName(settings)}
# (or paste it into the shell). Safe to run again: what exists and matches is kept; what differs is reported, unchanged.
# In a subshell, so that pasted into a terminal, its exit and set -e end the script, never the terminal.
(
set -euo pipefail
export AWS_PAGER=''

policy_name=${q(POLICY_NAME)}
role_name=${q(roleName)}
policy_description=${q(POLICY_DESCRIPTION)}
role_description=${q(ROLE_DESCRIPTION)}
policy_document=${q(policyDocument)}
trust_policy=${q(trustPolicy)}
# True when what IAM holds equals the documents above (JMESPath literals: key order and spacing aside).
policy_matches="PolicyVersion.Document == \\\`$policy_document\\\`"
role_matches="[Role.Arn, Role.AssumeRolePolicyDocument == \\\`$trust_policy\\\`]"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Succeeds when IAM has it, fails when IAM answers NoSuchEntity; any other error stops the script.
found() {
  if aws "$@" >"$work/answer" 2>"$work/error"; then return 0; fi
  if grep -q '(NoSuchEntity)' "$work/error"; then return 1; fi
  cat "$work/error" >&2
  exit 1
}

# STS wants a region; IAM is global, so any will do when none is configured.
if [ -z "\${AWS_REGION:-}\${AWS_DEFAULT_REGION:-}" ] && ! aws configure get region >/dev/null; then
  export AWS_DEFAULT_REGION=us-east-1
fi
caller=$(aws sts get-caller-identity --query Arn --output text)
IFS=: read -r _ partition _ _ account _ <<<"$caller"
policy_arn="arn:$partition:iam::$account:policy/$policy_name"
echo "AWS account $account, signed in as $caller"

conflicts=0
policy_exists=false
if found iam get-policy --policy-arn="$policy_arn" --query Policy.DefaultVersionId --output text; then
  policy_exists=true
  version=$(<"$work/answer")
  same=$(aws iam get-policy-version --policy-arn="$policy_arn" --version-id="$version" --query "$policy_matches" --output text)
  if [ "$same" = True ]; then
    echo "Policy $policy_name already exists with this document: kept."
  else
    echo "Policy $policy_name already exists with a different document: left unchanged." >&2
    echo "  Compare it with policy_document at the top of this script in the IAM console, fix it there, and run this again." >&2
    conflicts=1
  fi
fi

role_exists=false
if found iam get-role --role-name="$role_name" --query "$role_matches" --output text; then
  role_exists=true
  read -r role_arn same <"$work/answer"
  if [ "$same" = True ]; then
    echo "Role $role_name already exists with this trust policy: kept."
  else
    echo "Role $role_name already exists with a different trust policy: left unchanged." >&2
    echo "  Choose another role name in Docker Cloud AWS Link and make a new script, or fix the role's trust relationship in the IAM console." >&2
    conflicts=1
  fi
fi

if [ "$conflicts" -ne 0 ]; then
  echo "Nothing was changed." >&2
  exit 1
fi

if [ "$policy_exists" = false ]; then
  aws iam create-policy --policy-name="$policy_name" --description="$policy_description" \\
    --policy-document="$policy_document" --query Policy.Arn --output text >/dev/null
  echo "Created policy $policy_name."
fi
attached=False
if [ "$role_exists" = false ]; then
  role_arn=$(aws iam create-role --role-name="$role_name" --description="$role_description" \\
    --assume-role-policy-document="$trust_policy" --query Role.Arn --output text)
  echo "Created role $role_name."
else
  attached=$(aws iam list-attached-role-policies --role-name="$role_name" \\
    --query "contains(AttachedPolicies[].PolicyArn, '$policy_arn')" --output text)
fi
if [ "$attached" = True ]; then
  echo "Policy $policy_name is already attached to role $role_name: kept."
else
  aws iam attach-role-policy --role-name="$role_name" --policy-arn="$policy_arn"
  echo "Attached policy $policy_name to role $role_name."
fi

echo "Done. Enter this Role ARN in Docker Cloud AWS Link (Enter the Role ARN by hand):"
echo "$role_arn"
)
`);
}
