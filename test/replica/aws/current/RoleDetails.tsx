/** @jsxImportSource react */
// Role details: #/roles/details/<RoleName> (optionally ?section=permissions | trust_relationships).
import { useEffect, useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import type { CreatedRole } from '../../state';
import { getRole, listPolicies, type Dated } from '../api';
import { AWS_MANAGED_POLICIES } from '../managed-policies';
import { t } from '../page';
import { navigate, type HashRoute } from '../route';
import { Delayed, JsonBlock } from './common';

export function RoleDetails({ route, roleName }: { route: HashRoute; roleName: string }) {
  const [role, setRole] = useState<Dated<CreatedRole> | null | undefined>(undefined);
  const [policyNames, setPolicyNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    setRole(undefined);
    void Promise.all([getRole(roleName), listPolicies()]).then(([found, customer]) => {
      if (!live) return;
      const names: Record<string, string> = {};
      for (const p of [...AWS_MANAGED_POLICIES, ...customer]) names[p.arn] = p.name;
      setPolicyNames(names);
      setRole(found);
    });
    return () => {
      live = false;
    };
  }, [roleName]);

  if (role === undefined) {
    return (
      <Box textAlign="center" padding="xxl">
        <Spinner size="large" /> {t.loadingRole}
      </Box>
    );
  }
  if (role === null) {
    return (
      <Alert type="error" header={t.roleNotFound}>
        {t.roleNotFoundDetail(roleName)}
      </Alert>
    );
  }
  const section = route.query.get('section') === 'trust_relationships' ? 'trust_relationships' : 'permissions';
  return (
    <Delayed>
      <SpaceBetween size="l">
        <Header variant="h1">{role.name}</Header>
        <Container header={<Header variant="h2">{t.summary}</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: t.creationDate, value: role.createdAt ? new Date(role.createdAt).toUTCString() : t.none },
              {
                label: t.arn,
                value: (
                  <CopyToClipboard
                    variant="inline"
                    textToCopy={role.arn}
                    copyButtonAriaLabel={t.copyArn}
                    copySuccessText={t.arnCopied}
                    copyErrorText={t.copyFailed}
                  />
                ),
              },
              { label: t.lastActivity, value: t.none },
              { label: t.maxSessionDuration, value: t.oneHour },
              { label: t.description, value: role.description || t.none },
            ]}
          />
        </Container>
        <Tabs
          activeTabId={section}
          onChange={({ detail }) =>
            navigate(`#/roles/details/${encodeURIComponent(role.name)}?section=${detail.activeTabId}`, { replace: true })
          }
          tabs={[
            {
              id: 'permissions',
              label: t.permissions,
              content: (
                <Table
                  variant="container"
                  header={<Header variant="h2" counter={`(${role.attachedPolicyArns.length})`}>{t.attachedPolicies}</Header>}
                  items={role.attachedPolicyArns.map((arn) => ({ arn, name: policyNames[arn] ?? arn.split('/').pop()! }))}
                  trackBy="arn"
                  columnDefinitions={[
                    { id: 'name', header: t.policyName, cell: (row) => row.name },
                    { id: 'arn', header: t.arn, cell: (row) => row.arn },
                  ]}
                  empty={t.noneSelected}
                />
              ),
            },
            {
              id: 'trust_relationships',
              label: t.trustRelationships,
              content: (
                <Container header={<Header variant="h2" description={t.trustedEntitiesDescription}>{t.trustedEntities}</Header>}>
                  <JsonBlock text={role.trustPolicy} label={t.trustedEntities} />
                </Container>
              ),
            },
          ]}
        />
      </SpaceBetween>
    </Delayed>
  );
}
