import { describe, expect, it } from 'vitest';
import { classifyImageUrl } from '../../../utils/image/classify';

describe('classifyImageUrl', () => {
  it.each([
    ['https://upload.wikimedia.org/a.jpg', 'public'],
    ['http://photos.example.com/a.png', 'public'],
    ['https://8.8.8.8/a.png', 'public'],
    ['https://[2001:4860::8888]/a.png', 'public'],
    ['http://localhost/a.png', 'loopback'],
    ['http://127.0.0.1:8080/a.png', 'loopback'],
    ['http://127.1/a.png', 'loopback'],
    ['http://0x7f.0.0.1/a.png', 'loopback'],
    ['http://[::1]/a.png', 'loopback'],
    ['http://[::ffff:127.0.0.1]/a.png', 'loopback'],
    ['http://10.1.2.3/a.png', 'private-ip'],
    ['http://172.16.0.1/a.png', 'private-ip'],
    ['http://172.31.255.255/a.png', 'private-ip'],
    ['http://192.168.1.10/a.png', 'private-ip'],
    ['http://[fd12:3456::1]/a.png', 'private-ip'],
    ['http://169.254.169.254/latest', 'link-local'],
    ['http://[fe80::1]/a.png', 'link-local'],
    ['http://100.64.0.1/a.png', 'cgnat'],
    ['http://100.127.255.254/a.png', 'cgnat'],
    ['http://0.0.0.0/a.png', 'reserved-ip'],
    ['http://intranet/a.png', 'single-label'],
    ['http://printer.local/a.png', 'special-suffix'],
    ['http://nas.lan/a.png', 'special-suffix'],
    ['http://x.internal/a.png', 'special-suffix'],
    ['http://router.home.arpa/a.png', 'special-suffix'],
    ['http://app.localhost/a.png', 'special-suffix'],
    ['http://site.test/a.png', 'special-suffix'],
    ['http://a.invalid/a.png', 'special-suffix'],
    ['https://user:pw@example.com/a.png', 'credentials'],
    ['data:image/png;base64,AAAA', 'scheme'],
    ['blob:https://example.com/1234', 'scheme'],
    ['file:///home/a.png', 'scheme'],
    ['ftp://example.com/a.png', 'scheme'],
    ['not a url', 'invalid'],
  ])('%s → %s', (url, expected) => {
    const verdict = classifyImageUrl(url);
    expect(verdict.kind === 'public' ? 'public' : verdict.reason).toBe(expected);
  });

  it('treats 172.15 and 172.32 as public (outside 172.16/12)', () => {
    expect(classifyImageUrl('http://172.15.0.1/a').kind).toBe('public');
    expect(classifyImageUrl('http://172.32.0.1/a').kind).toBe('public');
  });

  it('sends nothing by URL from an incognito tab or when the user turned URL sending off', () => {
    expect(classifyImageUrl('https://example.com/a.png', { incognito: true })).toEqual({
      kind: 'private',
      reason: 'incognito',
    });
    expect(classifyImageUrl('https://example.com/a.png', { sendPublicByUrl: false })).toEqual({
      kind: 'private',
      reason: 'url-sending-off',
    });
  });
});
