import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHost, classifyImageUrl } from '../../../utils/image/classify';

const octet = fc.integer({ min: 0, max: 255 });
const quad = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;

/** The ranges that must never go to the model by URL (RFC 1918, 6890, 3927, 6598, 1122). */
const PRIVATE_RANGES: [string, fc.Arbitrary<number[]>][] = [
  ['10/8', fc.tuple(fc.constant(10), octet, octet, octet)],
  ['172.16/12', fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet)],
  ['192.168/16', fc.tuple(fc.constant(192), fc.constant(168), octet, octet)],
  ['127/8 loopback', fc.tuple(fc.constant(127), octet, octet, octet)],
  ['169.254/16 link-local', fc.tuple(fc.constant(169), fc.constant(254), octet, octet)],
  ['100.64/10 CGNAT', fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet)],
  ['0/8', fc.tuple(fc.constant(0), octet, octet, octet)],
  [
    '224/3 multicast and reserved',
    fc.tuple(fc.integer({ min: 224, max: 255 }), octet, octet, octet),
  ],
];

function isPrivate([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

const toInt = ([a = 0, b = 0, c = 0, d = 0]: number[]) =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

describe('classifyImageUrl (property)', () => {
  it.each(PRIVATE_RANGES)('any IPv4 in %s is private, however it is written', (_name, ip) => {
    fc.assert(
      fc.property(ip, fc.constantFrom('http', 'https'), (parts, scheme) => {
        const [a = 0, b = 0, c = 0, d = 0] = parts;
        expect(classifyHost(quad(a, b, c, d))).toBeDefined();
        const forms = [
          quad(a, b, c, d),
          String(toInt(parts)), // one decimal number
          `0x${toInt(parts).toString(16)}`, // one hex number
          `[::ffff:${quad(a, b, c, d)}]`, // IPv4-mapped IPv6
        ];
        for (const host of forms) {
          expect(classifyImageUrl(`${scheme}://${host}/i.png`).kind, host).toBe('private');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any other valid IPv4 is public', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (parts) => {
        fc.pre(!isPrivate(parts));
        const url = `https://${quad(...(parts as [number, number, number, number]))}/i.png`;
        expect(classifyImageUrl(url)).toEqual({ kind: 'public', url });
      }),
      { numRuns: 2000 },
    );
  });

  it('random strings and URLs never throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string().map((s) => `https://${s}/x.png`),
          fc.string().map((s) => `http://[${s}]/`),
        ),
        fc.record({ incognito: fc.boolean(), sendPublicByUrl: fc.boolean() }, { requiredKeys: [] }),
        (raw, context) => {
          const result = classifyImageUrl(raw, context);
          expect(['public', 'private']).toContain(result.kind);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('random host names never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.domain(), fc.ipV6(), fc.ipV4Extended()), (host) => {
        classifyHost(host);
      }),
      { numRuns: 1000 },
    );
  });
});
