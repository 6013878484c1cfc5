import { describe, expect, it } from 'vitest';
import { altCacheKey, dayOf, putInCache, spentToday } from '../../../utils/alt-text/cache';
import { isAltTextSender } from '../../../utils/alt-text/sender';
import { siteOf } from '../../../utils/alt-text/sites';

const allowed = {
  extensionId: 'iris-id',
  sites: ['https://news.example.com'],
  oncePasses: { '7': 'http://blog.example.org' },
};

describe('isAltTextSender', () => {
  it.each<[string, object, boolean]>([
    [
      'Iris on an opted-in site',
      { id: 'iris-id', tab: { id: 3 }, url: 'https://news.example.com/a' },
      true,
    ],
    [
      'another port of the site',
      { id: 'iris-id', tab: { id: 3 }, url: 'https://news.example.com:8443/' },
      true,
    ],
    ['another extension', { id: 'evil', tab: { id: 3 }, url: 'https://news.example.com/a' }, false],
    [
      'a site not opted in',
      { id: 'iris-id', tab: { id: 3 }, url: 'https://other.example.com/' },
      false,
    ],
    [
      'http of an https site',
      { id: 'iris-id', tab: { id: 3 }, url: 'http://news.example.com/' },
      false,
    ],
    [
      'a look-alike host',
      { id: 'iris-id', tab: { id: 3 }, url: 'https://news.example.com.evil.io/' },
      false,
    ],
    ['no tab (not a content script)', { id: 'iris-id', url: 'https://news.example.com/' }, false],
    ['no URL', { id: 'iris-id', tab: { id: 3 } }, false],
    ['the one-pass tab', { id: 'iris-id', tab: { id: 7 }, url: 'http://blog.example.org/p' }, true],
    [
      'the one-pass tab, elsewhere now',
      { id: 'iris-id', tab: { id: 7 }, url: 'https://x.example/' },
      false,
    ],
    [
      'another tab of the one-pass site',
      { id: 'iris-id', tab: { id: 8 }, url: 'http://blog.example.org/p' },
      false,
    ],
  ])('%s → %s', (_name, sender, ok) => {
    expect(isAltTextSender(sender, allowed)).toBe(ok);
  });
});

describe('siteOf', () => {
  it.each([
    ['https://Example.com:8080/a?b#c', 'https://example.com'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1'],
    ['chrome-extension://abc/popup.html', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('alt-text cache', () => {
  const context = { model: 'm', promptVersion: 1, language: 'en-US', maxLength: 125 };

  it('keys by URL, model, prompt version, language and length; not data: or blob:', () => {
    const key = altCacheKey('https://a.example/x.png', context);
    expect(key).not.toBeNull();
    expect(altCacheKey('https://a.example/x.png', { ...context, model: 'n' })).not.toBe(key);
    expect(altCacheKey('https://a.example/x.png', { ...context, promptVersion: 2 })).not.toBe(key);
    expect(altCacheKey('https://a.example/x.png', { ...context, language: 'fr' })).not.toBe(key);
    expect(altCacheKey('data:image/png;base64,AAAA', context)).toBeNull();
    expect(altCacheKey('blob:https://a.example/1234', context)).toBeNull();
  });

  it('drops the least recently used entries over the cap', () => {
    let cache = {};
    for (let i = 0; i < 5; i++) cache = putInCache(cache, `k${i}`, { alt: `a${i}`, at: i }, 3);
    expect(Object.keys(cache).sort()).toEqual(['k2', 'k3', 'k4']);
    // Using k2 again makes k3 the oldest.
    cache = putInCache(cache, 'k2', { alt: 'a2', at: 10 }, 3);
    cache = putInCache(cache, 'k5', { alt: 'a5', at: 11 }, 3);
    expect(Object.keys(cache).sort()).toEqual(['k2', 'k4', 'k5']);
  });

  it('counts spend per local day', () => {
    const now = new Date(2026, 10, 25, 23, 59).getTime();
    expect(dayOf(now)).toBe('2026-11-25');
    expect(spentToday({ day: '2026-11-25', usd: 0.3 }, now)).toBe(0.3);
    expect(spentToday({ day: '2026-11-24', usd: 0.3 }, now)).toBe(0);
  });
});
