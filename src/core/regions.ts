// EC2 regions per partition, for the region-limited policy. Names as the console shows them.

// A literal list, so code that only needs partitions (the ARN parser in content scripts) doesn't bundle the region table.
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;
export type Partition = (typeof PARTITIONS)[number];

export const EC2_REGIONS = {
  aws: {
    'us-east-1': 'US East (N. Virginia)',
    'us-east-2': 'US East (Ohio)',
    'us-west-1': 'US West (N. California)',
    'us-west-2': 'US West (Oregon)',
    'af-south-1': 'Africa (Cape Town)',
    'ap-east-1': 'Asia Pacific (Hong Kong)',
    'ap-east-2': 'Asia Pacific (Taipei)',
    'ap-south-1': 'Asia Pacific (Mumbai)',
    'ap-south-2': 'Asia Pacific (Hyderabad)',
    'ap-southeast-1': 'Asia Pacific (Singapore)',
    'ap-southeast-2': 'Asia Pacific (Sydney)',
    'ap-southeast-3': 'Asia Pacific (Jakarta)',
    'ap-southeast-4': 'Asia Pacific (Melbourne)',
    'ap-southeast-5': 'Asia Pacific (Malaysia)',
    'ap-southeast-6': 'Asia Pacific (New Zealand)',
    'ap-southeast-7': 'Asia Pacific (Thailand)',
    'ap-northeast-1': 'Asia Pacific (Tokyo)',
    'ap-northeast-2': 'Asia Pacific (Seoul)',
    'ap-northeast-3': 'Asia Pacific (Osaka)',
    'ca-central-1': 'Canada (Central)',
    'ca-west-1': 'Canada West (Calgary)',
    'eu-central-1': 'Europe (Frankfurt)',
    'eu-central-2': 'Europe (Zurich)',
    'eu-west-1': 'Europe (Ireland)',
    'eu-west-2': 'Europe (London)',
    'eu-west-3': 'Europe (Paris)',
    'eu-south-1': 'Europe (Milan)',
    'eu-south-2': 'Europe (Spain)',
    'eu-north-1': 'Europe (Stockholm)',
    'il-central-1': 'Israel (Tel Aviv)',
    'me-south-1': 'Middle East (Bahrain)',
    'me-central-1': 'Middle East (UAE)',
    'mx-central-1': 'Mexico (Central)',
    'sa-east-1': 'South America (São Paulo)',
  },
  'aws-cn': { 'cn-north-1': 'China (Beijing)', 'cn-northwest-1': 'China (Ningxia)' },
  'aws-us-gov': { 'us-gov-west-1': 'AWS GovCloud (US-West)', 'us-gov-east-1': 'AWS GovCloud (US-East)' },
  'aws-iso': { 'us-iso-east-1': 'US ISO East', 'us-iso-west-1': 'US ISO West' },
  'aws-iso-b': { 'us-isob-east-1': 'US ISOB East (Ohio)', 'us-isob-west-1': 'US ISOB West' },
  'aws-iso-e': { 'eu-isoe-west-1': 'EU ISOE West' },
  'aws-iso-f': { 'us-isof-south-1': 'US ISOF South', 'us-isof-east-1': 'US ISOF East' },
  'aws-eusc': { 'eusc-de-east-1': 'AWS European Sovereign Cloud (Germany)' },
} as const satisfies Record<Partition, Record<string, string>>;

export function isEc2Region(region: string, partition: Partition = 'aws'): boolean {
  return Object.hasOwn(EC2_REGIONS[partition], region);
}
