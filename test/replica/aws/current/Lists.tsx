/** @jsxImportSource react */
// The policies (#/policies) and roles (#/roles) lists, each with its "Create" button.
import { useEffect, useState } from 'react';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import type { CreatedRole } from '../../state';
import { listPolicies, listRoles, type Dated } from '../api';
import { AWS_MANAGED_POLICIES, type PolicyRow } from '../managed-policies';
import { t } from '../page';
import { navigate } from '../route';

export function PoliciesList() {
  const [rows, setRows] = useState<PolicyRow[]>(AWS_MANAGED_POLICIES);
  useEffect(() => {
    void listPolicies().then((policies) =>
      setRows([
        ...policies.map((p): PolicyRow => ({ name: p.name, arn: p.arn, kind: 'customer', description: p.description })),
        ...AWS_MANAGED_POLICIES,
      ]),
    );
  }, []);
  return (
    <Table
      variant="full-page"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${rows.length})`}
          actions={
            <Button variant="primary" onClick={() => navigate('#/policies/create?step=addPermissions')}>
              {t.createPolicy}
            </Button>
          }
        >
          {t.policies}
        </Header>
      }
      items={rows}
      trackBy="arn"
      columnDefinitions={[
        { id: 'name', header: t.policyName, cell: (row) => row.name },
        { id: 'type', header: t.policyType, cell: (row) => (row.kind === 'customer' ? t.customerManaged : t.awsManaged) },
        { id: 'description', header: t.description, cell: (row) => row.description },
      ]}
    />
  );
}

export function RolesList() {
  const [roles, setRoles] = useState<Dated<CreatedRole>[]>([]);
  useEffect(() => {
    void listRoles().then(setRoles);
  }, []);
  return (
    <Table
      variant="full-page"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${roles.length})`}
          actions={
            <Button variant="primary" onClick={() => navigate('#/roles/create?step=selectEntities')}>
              {t.createRole}
            </Button>
          }
        >
          {t.roles}
        </Header>
      }
      items={roles}
      trackBy="arn"
      columnDefinitions={[
        {
          id: 'name',
          header: t.roleName,
          cell: (role) => <Link href={`#/roles/details/${encodeURIComponent(role.name)}`}>{role.name}</Link>,
        },
        { id: 'arn', header: t.arn, cell: (role) => role.arn },
        { id: 'created', header: t.creationDate, cell: (role) => (role.createdAt ? new Date(role.createdAt).toUTCString() : '-') },
      ]}
    />
  );
}
