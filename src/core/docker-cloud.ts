// Docker Cloud's side of the link, as the original guide states it.

/** The AWS account Docker Cloud assumes roles from. */
export const DOCKER_CLOUD_ACCOUNT_ID = '689684103426';
export const DOCKER_CLOUD_PRINCIPAL = `arn:aws:iam::${DOCKER_CLOUD_ACCOUNT_ID}:root`;
export const POLICY_NAME = 'dockercloud-policy';
export const DEFAULT_ROLE_NAME = 'dockercloud-role';
export const POLICY_DESCRIPTION = 'Lets Docker Cloud provision EC2 nodes (created with Docker Cloud AWS Link).';
export const ROLE_DESCRIPTION = 'Assumed by Docker Cloud to manage node clusters (created with Docker Cloud AWS Link).';
