/**
 * Alibaba Cloud public region IDs where ACK can create clusters, kept as data: add a region when it opens. Not in the
 * shared reference material (which only shows cn-beijing, cn-hangzhou, cn-zhangjiakou… in examples); taken from
 * Alibaba Cloud's public list of regions and zones. `unknown-region` warns (never errors) about any other ID, since a
 * region may open before this list knows it.
 */
export const REGIONS: readonly string[] = [
  // Chinese mainland
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-hangzhou',
  'cn-shanghai',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-wuhan-lr',
  // Hong Kong (China) and abroad
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'us-west-1',
  'us-east-1',
  'eu-central-1',
  'eu-west-1',
  'me-east-1',
  'me-central-1',
  'na-south-1',
  // Finance and government clouds
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-beijing-finance-1',
  'cn-north-2-gov-1',
];
