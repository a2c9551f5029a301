/**
 * The string formats of createcluster.schema.yaml. The generated validator calls these (the build fails on a format
 * that is not listed in scripts/schema/compile.mjs); {@link formatHint} turns a failure into a sentence.
 * Every check is synchronous, allocation-light and never throws.
 */
import { parseCidr } from '../cidr.js';
import { TIME_ZONES } from '../generated/time-zones.js';

const IPV4 = /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;

function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  return parseCidr(`${s}/128`) !== undefined;
}

function isIp(s: string): boolean {
  return IPV4.test(s) || isIPv6(s);
}

/** One or more dot-separated DNS labels of lowercase letters, digits and hyphens (RFC 1123), 253 characters at most. */
function isDnsDomain(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  return s.split('.').every((l) => DNS_LABEL.test(l));
}

/** A DNS name as it appears in a certificate SAN: labels may have upper case; a leading `*.` wildcard is allowed. */
function isDnsName(s: string): boolean {
  const t = s.startsWith('*.') ? s.slice(2) : s;
  return isDnsDomain(t.toLowerCase());
}

let zones: Set<string> | undefined;
let zonesLower: Map<string, string> | undefined;

/** IANA zone names (built into the bundle at build time from Node's ICU data; see scripts/schema/compile.mjs). */
function zoneSet(): Set<string> {
  if (!zones) {
    zones = new Set(TIME_ZONES.split(' '));
    zones.add('UTC');
  }
  return zones;
}

function zonesByLowerCase(): Map<string, string> {
  zonesLower ??= new Map([...zoneSet()].map((z) => [z.toLowerCase(), z]));
  return zonesLower;
}

/** A zone name the IANA database knows, spelled as it spells it (`Asia/Shanghai`, `UTC`; aliases such as `Asia/Calcutta` too). */
function isTimeZone(s: string): boolean {
  if (zoneSet().has(s)) return true;
  if (zonesByLowerCase().has(s.toLowerCase())) return false; // right zone, wrong case: the API compares exactly
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(s)) return false;
  try {
    // Links (old names) are valid IANA names that the canonical list leaves out.
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}

/** The IANA spelling of a zone written in the wrong case, if there is one. */
export function timeZoneSpelling(s: string): string | undefined {
  return zonesByLowerCase().get(s.toLowerCase());
}

/** Kubernetes label keys: an optional DNS-subdomain prefix and `/`, then a name of up to 63 characters. */
function isLabelKey(s: string): boolean {
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    const prefix = s.slice(0, slash);
    if (prefix.length > 253 || !isDnsDomain(prefix)) return false;
  }
  return LABEL_NAME.test(s.slice(slash + 1));
}

function isLabelValue(s: string): boolean {
  return s === '' || LABEL_NAME.test(s);
}

/** ECS instance passwords: 8–30 characters, at least three of upper case, lower case, digits and special characters. */
const PASSWORD_SPECIALS = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";
export function passwordProblem(s: string): string | undefined {
  if (s.length < 8 || s.length > 30) return `must be 8 to 30 characters long (it has ${s.length})`;
  let classes = 0;
  if (/[A-Z]/.test(s)) classes++;
  if (/[a-z]/.test(s)) classes++;
  if (/[0-9]/.test(s)) classes++;
  if ([...s].some((c) => PASSWORD_SPECIALS.includes(c))) classes++;
  for (const c of s) {
    if (!/[A-Za-z0-9]/.test(c) && !PASSWORD_SPECIALS.includes(c)) return 'contains a character ECS does not allow in passwords (allowed specials: ' + PASSWORD_SPECIALS + ')';
  }
  if (classes < 3) return `must mix at least three of: upper-case letters, lower-case letters, digits, special characters (it has ${classes})`;
  return undefined;
}

export type FormatName =
  | 'cidr'
  | 'ipv4-cidr'
  | 'cidr-list'
  | 'kubernetes-version'
  | 'timezone'
  | 'region-id'
  | 'dns-domain'
  | 'ip-or-dns'
  | 'base64'
  | 'k8s-label-key'
  | 'k8s-label-value'
  | 'ecs-password'
  | 'duration-hours'
  | 'maintenance-time'
  | 'integer-string'
  | 'ip-or-dns-list'
  | 'ecs-instance-type';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export const formats: Record<FormatName, (s: string) => boolean> = {
  cidr: (s) => parseCidr(s) !== undefined,
  'ipv4-cidr': (s) => parseCidr(s)?.version === 4,
  'cidr-list': (s) => s.split(',').every((part) => parseCidr(part.trim()) !== undefined),
  // ACK Edge versions carry -aliyunedge.n (1.14.8-aliyunedge.1).
  'kubernetes-version': (s) => /^[1-9][0-9]*\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)-aliyun(?:edge)?\.[1-9][0-9]*$/.test(s),
  timezone: isTimeZone,
  'region-id': (s) => /^[a-z]{2,3}(?:-[a-z0-9]+)+$/.test(s),
  'dns-domain': isDnsDomain,
  'ip-or-dns': (s) => isIp(s) || isDnsName(s),
  base64: (s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s),
  'k8s-label-key': isLabelKey,
  'k8s-label-value': isLabelValue,
  'ecs-password': (s) => passwordProblem(s) === undefined,
  'duration-hours': (s) => /^([1-9]|1[0-9]|2[0-4])h$/.test(s),
  'maintenance-time': (s) => /^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$/.test(s) || (RFC3339.test(s) && !Number.isNaN(Date.parse(s))),
  'integer-string': (s) => /^(?:0|[1-9][0-9]*)$/.test(s),
  'ip-or-dns-list': (s) => s.split(',').every((part) => isIp(part) || isDnsName(part)),
  'ecs-instance-type': (s) => ECS_INSTANCE_TYPE.test(s),
};

/**
 * An ECS instance type: `ecs.`, the family (letters and digits, perhaps with a `-` part such as `gn7i-c8g1`), a dot and
 * the size (`large`, `2xlarge`…). Only the form is checked: which types a zone sells is live data.
 */
const ECS_INSTANCE_TYPE = /^ecs\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+$/;

/**
 * ECS instance families seen in the sources (API reference, SDK and Terraform examples, the real bodies of the
 * corpus). A type written without its `ecs.` prefix whose family is one of these gets a certain fix; others get a
 * suggestion. Add families here as they turn up.
 */
export const ECS_FAMILIES: ReadonlySet<string> = new Set([
  'c4', 'c5', 'c6', 'c6e', 'c7', 'c8i', 'd1', 'd1ne', 'ebmc5s', 'g5', 'g6', 'g6e', 'g7', 'g8i', 'hfc6', 'i1', 'i2',
  'r6', 'r7', 't6-c1m4', 'u1-c1m2', 'gn6i-c4g1', 'gn7i-c8g1',
]);

/**
 * The instance type meant by a malformed one, when it is clear: `g7.xlarge` or `ECS.G7.XLarge` → `ecs.g7.xlarge`.
 * `certain` when the family is one of {@link ECS_FAMILIES}.
 */
export function instanceTypeSpelling(s: string): { value: string; certain: boolean } | undefined {
  const t = s.trim().toLowerCase();
  const fixed = t.startsWith('ecs.') ? t : `ecs.${t}`;
  if (fixed === s || !ECS_INSTANCE_TYPE.test(fixed)) return undefined;
  const family = fixed.split('.')[1]!;
  return { value: fixed, certain: ECS_FAMILIES.has(family) };
}

/** What a value of each format must look like, as the end of a sentence that starts with the field name. */
export const FORMAT_HINTS: Record<FormatName, string> = {
  cidr: 'must be a CIDR block such as 172.20.0.0/16',
  'ipv4-cidr': 'must be an IPv4 CIDR block such as 172.20.0.0/16',
  'cidr-list': 'must be a CIDR block such as 172.21.0.0/20, or an IPv4 and an IPv6 block separated by a comma',
  'kubernetes-version': 'must be an ACK version such as 1.35.1-aliyun.1 (major.minor.patch-aliyun.n; -aliyunedge.n for ACK Edge)',
  timezone: 'must be an IANA time zone name such as Asia/Shanghai',
  'region-id': 'must be a region ID such as cn-hangzhou or ap-southeast-1',
  'dns-domain': 'must be a domain of dot-separated labels of lower-case letters, digits and hyphens, each starting and ending with a letter or digit',
  'ip-or-dns': 'must be an IP address or a DNS name',
  base64: 'must be Base64-encoded',
  'k8s-label-key': 'must be a Kubernetes label key: an optional DNS prefix and "/", then up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  'k8s-label-value': 'must be empty or up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  'ecs-password': 'does not meet the ECS password rules: 8 to 30 characters mixing at least three of upper case, lower case, digits and special characters',
  'duration-hours': 'must be a whole number of hours from 1 to 24 followed by "h", such as 3h',
  'maintenance-time': 'must be a time of day such as 03:00:00Z, or an RFC 3339 timestamp',
  'integer-string': 'must be a string holding a whole number, such as "30"',
  'ecs-instance-type': 'must be an ECS instance type of the form ecs.<family>.<size>, such as ecs.g7.xlarge',
  'ip-or-dns-list': 'must be IP addresses or DNS names separated by commas, without spaces or empty entries, such as "10.0.0.1,api.example.com"',
};

/**
 * An ID masked with x's as documentation writes it: a resource prefix, then only x's (at least three, perhaps with one
 * distinguishing character: `vpc-xxx`, `vsw-xxxxxxxxxa`, `k8s-log-xxx`), or an ID whose tail is masked with five or more
 * x's (`ds-bp1d19mmbsv3jf6xxxxx`). Real IDs are random lower-case letters and digits, so five x's in a row at the end
 * are as good as never real.
 */
const MASKED_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:x{3,}[a-z0-9]?|[a-z0-9]*x{5,})$/i;

/**
 * What every placeholder holds: `%`, `$`, `<`, `*`, `{{` or three x's (see the patterns below). A lone `{` is not
 * enough, so that the JSON text of an addon's config does not cost the compilation of the two patterns below (about
 * 0.15 ms on the first such value).
 */
const MAYBE_PLACEHOLDER = /[%$<*]|\{\{|xxx/i;

/**
 * Values that stand for something else: the masked IDs of documentation examples (`vsw-8vbmoffowsztjaawj****`,
 * `vpc-xxx`) and
 * template placeholders (`%s`, `${VPC_ID}`, `$VPC_ID`, `{{ .VpcId }}`, `<your-vpc-id>`). They are reported once, by the
 * `placeholder-value` rule, instead of as malformed values.
 */
export function placeholderKind(s: string): 'masked' | 'template' | undefined {
  // Every placeholder has one of these characters, or three x's in a row: most values are decided by this one scan.
  if (!MAYBE_PLACEHOLDER.test(s)) return undefined;
  if (/%[sdvq]|\$\{[^}]*\}|\{\{[^}]*\}\}|^<[^<>]+>$|^\$[A-Za-z_][A-Za-z0-9_]*$/.test(s)) return 'template';
  if (/\*{3,}/.test(s) || MASKED_ID.test(s)) return 'masked';
  return undefined;
}
