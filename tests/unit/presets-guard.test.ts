import { describe, expect, it } from 'vitest';
import { checkEndpointUrl } from '../../utils/endpoint';
import { listPresets, presetFromMenuId, presetMenuItems } from '../../utils/presets';
import { assertAllowed, isNeverSite, siteHost } from '../../utils/site-guard';

const settings = {
  apiKey: 'k',
  model: 'm',
  baseUrl: 'b',
  sendPublicByUrl: true,
  maxImageSide: 1,
};
const mine = { id: 'c1', name: 'Zebra check', prompt: 'Is there a zebra?', enabled: true };

describe('presets', () => {
  it('has the five built-ins, only Describe on by default', () => {
    const presets = listPresets({ builtIns: {}, custom: [] });
    expect(presets.map((p) => p.name)).toEqual([
      'Describe',
      'Alt text',
      'Read the text',
      'Explain this chart',
      'Identify',
    ]);
    expect(presets.filter((p) => p.enabled).map((p) => p.name)).toEqual(['Describe']);
    expect(presetMenuItems({ builtIns: {}, custom: [] })).toEqual([]);
  });

  it('each enabled preset other than Describe is a menu item that maps back to it', () => {
    const state = {
      builtIns: { identify: true, describe: false },
      custom: [mine, { ...mine, id: 'off', enabled: false }],
    };
    const items = presetMenuItems(state);
    expect(items.map((i) => i.title)).toEqual(['Identify', 'Zebra check']);
    expect(presetFromMenuId(state, items[1]?.id ?? '')?.prompt).toBe('Is there a zebra?');
    expect(presetFromMenuId(state, 'iris-preset:off')).toBeUndefined();
    expect(presetFromMenuId(state, 'iris-describe-image')).toBeUndefined();
  });
});

describe('site guard', () => {
  it.each([
    ['https://www.Bank.example/login', 'bank.example'],
    ['bank.example', 'bank.example'],
    ['  ', null],
  ])('siteHost(%s) → %s', (input, host) => {
    expect(siteHost(input)).toBe(host);
  });

  it.each([
    ['https://bank.example/x', true],
    ['https://www.bank.example/x', true],
    ['https://app.bank.example/x', true],
    ['https://notbank.example/x', false],
    [undefined, false],
  ])('%s on a never-site: %s', (pageUrl, blocked) => {
    expect(isNeverSite(pageUrl, ['bank.example'])).toBe(blocked);
  });

  it('refuses private windows unless allowed, and never-sites', () => {
    const source = { srcUrl: 'x', pageUrl: 'https://a.example/', incognito: true };
    expect(() => assertAllowed(source, settings)).toThrow(
      expect.objectContaining({ code: 'private-window' }),
    );
    expect(() => assertAllowed(source, { ...settings, privateWindows: true })).not.toThrow();
    expect(() =>
      assertAllowed({ ...source, incognito: false }, { ...settings, neverSites: ['a.example'] }),
    ).toThrow(expect.objectContaining({ code: 'site-blocked' }));
  });
});

describe('custom endpoint addresses', () => {
  it.each([
    ['http://localhost:11434/v1/', true, 'http://localhost:11434/v1'],
    ['http://127.0.0.1:1234/v1', true, 'http://127.0.0.1:1234/v1'],
    ['http://[::1]:8000/v1', true, 'http://[::1]:8000/v1'],
    ['https://llm.example.com/v1', true, 'https://llm.example.com/v1'],
    ['http://192.168.1.20:11434/v1', false, 'insecure'],
    ['http://llm.example.com/v1', false, 'insecure'],
    ['ftp://localhost/v1', false, 'scheme'],
    ['localhost:11434', false, 'scheme'],
    ['not a url', false, 'not-a-url'],
  ])('%s → ok %s (%s)', (input, ok, detail) => {
    const check = checkEndpointUrl(input);
    expect(check.ok).toBe(ok);
    expect(check.ok ? check.baseUrl : check.reason).toBe(detail);
  });

  it('a job to a plain-http remote endpoint is refused before anything is sent', () => {
    expect(() =>
      assertAllowed(
        { srcUrl: 'x' },
        { ...settings, endpoint: 'custom', baseUrl: 'http://10.0.0.2:11434/v1' },
      ),
    ).toThrow(expect.objectContaining({ code: 'insecure-endpoint' }));
  });
});
