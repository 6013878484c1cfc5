/**
 * Decides whether an image URL may go to the model by URL (public) or must be sent as
 * bytes (private). Rules: ../shared/DESIGN.md, "How the image travels".
 */
export type UrlClass = { kind: 'public'; url: string } | { kind: 'private'; reason: PrivateReason };

export type PrivateReason =
  | 'scheme'
  | 'loopback'
  | 'private-ip'
  | 'link-local'
  | 'cgnat'
  | 'reserved-ip'
  | 'single-label'
  | 'special-suffix'
  | 'credentials'
  | 'incognito'
  | 'url-sending-off'
  | 'invalid';

const SPECIAL_SUFFIXES = [
  '.local',
  '.internal',
  '.lan',
  '.home.arpa',
  '.localhost',
  '.test',
  '.invalid',
];

export interface ClassifyContext {
  incognito?: boolean;
  sendPublicByUrl?: boolean;
}

export function classifyImageUrl(raw: string, context: ClassifyContext = {}): UrlClass {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'private', reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { kind: 'private', reason: 'scheme' };
  if (url.username || url.password) return { kind: 'private', reason: 'credentials' };
  const hostReason = classifyHost(url.hostname);
  if (hostReason) return { kind: 'private', reason: hostReason };
  if (context.incognito) return { kind: 'private', reason: 'incognito' };
  if (context.sendPublicByUrl === false) return { kind: 'private', reason: 'url-sending-off' };
  return { kind: 'public', url: url.href };
}

/** Why a host name is private, or undefined when it is public. */
export function classifyHost(hostname: string): PrivateReason | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return classifyIPv6(host.slice(1, -1));
  const v4 = parseIPv4(host);
  if (v4) return classifyIPv4(v4);
  if (host === 'localhost') return 'loopback';
  if (!host.includes('.')) return 'single-label';
  if (SPECIAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'special-suffix';
  return undefined;
}

function parseIPv4(host: string): number[] | undefined {
  // The URL parser already normalised shorthand forms (127.1, 0x7f.1) to dotted quads.
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : undefined;
}

function classifyIPv4([a = 0, b = 0]: number[]): PrivateReason | undefined {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return 'private-ip';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  if (a === 0 || a >= 224) return 'reserved-ip';
  return undefined;
}

function classifyIPv6(host: string): PrivateReason | undefined {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped?.[1]) return classifyIPv4(parseIPv4(mapped[1]) ?? [0]);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return classifyIPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  const first = Number.parseInt(h.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private-ip'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((first & 0xff00) === 0xff00) return 'reserved-ip'; // multicast
  return undefined;
}
