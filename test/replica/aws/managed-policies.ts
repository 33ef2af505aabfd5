// A few AWS managed policies, so the permissions table looks and filters like the console's.
export interface PolicyRow {
  name: string;
  arn: string;
  kind: 'aws' | 'job' | 'customer';
  description: string;
}

const aws = (name: string, description: string, kind: PolicyRow['kind'] = 'aws'): PolicyRow => ({
  name,
  arn: `arn:aws:iam::aws:policy/${name}`,
  kind,
  description,
});

export const AWS_MANAGED_POLICIES: PolicyRow[] = [
  aws('AdministratorAccess', 'Provides full access to AWS services and resources.', 'job'),
  aws('AmazonEC2FullAccess', 'Provides full access to Amazon EC2 via the AWS Management Console.'),
  aws('AmazonEC2ReadOnlyAccess', 'Provides read only access to Amazon EC2 via the AWS Management Console.'),
  aws('AmazonS3FullAccess', 'Provides full access to all buckets via the AWS Management Console.'),
  aws('AmazonS3ReadOnlyAccess', 'Provides read only access to all buckets via the AWS Management Console.'),
  aws('AmazonECS_FullAccess', 'Provides administrative access to Amazon ECS resources.'),
  aws('IAMReadOnlyAccess', 'Provides read only access to IAM via the AWS Management Console.'),
  aws('PowerUserAccess', 'Provides full access to AWS services and resources, but does not allow management of Users and groups.', 'job'),
  aws('ReadOnlyAccess', 'Provides read-only access to AWS services and resources.', 'job'),
];
