import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAltTextService } from '../../../utils/alt-text/service';
import { altTextNoticesItem, altTextSpendItem } from '../../../utils/alt-text/store';
import { type AltTextReply, registerHandlers } from '../../../utils/messaging';
import { altTextDayCapSetting, altTextSitesSetting, apiKeySetting } from '../../../utils/settings';

const SITE = 'https://news.example.com';
const sender = { id: 'test-extension-id', tab: { id: 4 } as never, frameId: 0, url: `${SITE}/a` };
const NOW = new Date(2026, 10, 25, 12).getTime();

function serviceWith(text = 'Image of a red bicycle', cost = 0.002) {
  const streamChat = vi.fn(async () => ({ text, usage: { cost } }));
  const acquire = vi.fn(async (input: { srcUrl?: string }) => ({
    payload: { kind: 'url' as const, url: input.srcUrl ?? '' },
  }));
  const service = createAltTextService({
    now: () => NOW,
    language: () => 'de',
    acquire,
    createClient: () => ({ streamChat }) as never,
  });
  return { service, streamChat, acquire };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeySetting.setValue('sk-or-v1-k');
  await altTextSitesSetting.setValue([SITE]);
});

describe('alt-text service', () => {
  it('asks the model once per URL, cleans the answer, and answers a revisit from the cache', async () => {
    const { service, streamChat } = serviceWith();
    const request = { srcUrl: 'https://cdn.example.com/a.jpg', pageUrl: `${SITE}/a` };
    expect(await service.requestAltText(request, sender)).toEqual({
      kind: 'alt',
      alt: 'A red bicycle',
      cost: 0.002,
      cached: false,
    });
    expect(await service.requestAltText(request, sender)).toEqual({
      kind: 'alt',
      alt: 'A red bicycle',
      cost: 0,
      cached: true,
    });
    expect(streamChat).toHaveBeenCalledTimes(1);
    const body = (streamChat.mock.calls[0] as unknown as [{ messages: unknown[] }])[0];
    expect(JSON.stringify(body.messages)).toContain('\\"de\\"');
    expect(await altTextSpendItem.getValue()).toEqual({ day: '2026-11-25', usd: 0.002 });
  });

  it('adds up the cost of parallel answers without losing any', async () => {
    const { service } = serviceWith('A cat', 0.001);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        service.requestAltText(
          { srcUrl: `https://cdn.example.com/${i}.jpg`, pageUrl: SITE },
          sender,
        ),
      ),
    );
    expect((await altTextSpendItem.getValue()).usd).toBeCloseTo(0.005, 10);
  });

  it('refuses new requests once the day cap is spent, and records a notice for the tab', async () => {
    await altTextDayCapSetting.setValue(0.01);
    await altTextSpendItem.setValue({ day: '2026-11-25', usd: 0.01 });
    const { service, streamChat } = serviceWith();
    const reply = await service.requestAltText(
      { srcUrl: 'https://cdn.example.com/b.jpg', pageUrl: SITE },
      sender,
    );
    expect(reply).toEqual({ kind: 'capped', scope: 'day', capUsd: 0.01 });
    expect(streamChat).not.toHaveBeenCalled();
    expect((await altTextNoticesItem.getValue())['4']).toMatchObject({
      scope: 'day',
      capUsd: 0.01,
    });
  });

  it('a reported cap is recorded for the popup and shown in the frame that hit it', async () => {
    const inject = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    const service = createAltTextService({ now: () => NOW, inject: inject as never });
    expect(await service.reportCap('page', sender)).toBe(true);
    expect((await altTextNoticesItem.getValue())['4']).toMatchObject({ scope: 'page' });
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 4, frameIds: [0] },
      files: ['/page-alt-text.js'],
    });
    expect(inject).toHaveBeenLastCalledWith({
      target: { tabId: 4, frameIds: [0] },
      func: expect.any(Function),
      args: [
        'showCapNoticeInPage',
        [
          {
            message: expect.stringContaining('$0.050'),
            dismiss: 'Dismiss',
            dismissLabel: expect.any(String),
          },
        ],
      ],
    });
  });

  it('yesterday’s spend does not count today', async () => {
    await altTextDayCapSetting.setValue(0.01);
    await altTextSpendItem.setValue({ day: '2026-11-24', usd: 5 });
    const { service } = serviceWith();
    const reply = await service.requestAltText(
      { srcUrl: 'https://c.example/x.png', pageUrl: SITE },
      sender,
    );
    expect(reply.kind).toBe('alt');
  });

  it('without a key, fails with no-api-key and asks nothing', async () => {
    await apiKeySetting.setValue('');
    const { service, streamChat } = serviceWith();
    const reply = await service.requestAltText(
      { srcUrl: 'https://c.example/x.png', pageUrl: SITE },
      sender,
    );
    expect(reply).toMatchObject({ kind: 'failed', error: { code: 'no-api-key' } });
    expect(streamChat).not.toHaveBeenCalled();
  });
});

describe('messages from content scripts', () => {
  function register() {
    const requestAltText = vi.fn(
      async (): Promise<AltTextReply> => ({ kind: 'alt', alt: 'x', cost: 0, cached: false }),
    );
    const stopJob = vi.fn(() => true);
    const { service } = serviceWith();
    registerHandlers(
      {
        stopJob,
        retryJob: () => true,
        sendQuestion: () => true,
        removeImage: () => true,
        newQuestion: () => true,
        captureRegion: () => true,
        checkJob: () => true,
        setAltTextSite: () => true,
        getAltTextConfig: () => ({ concurrency: 3, pageCapUsd: 1, once: false }),
        requestAltText,
        reportAltTextCap: () => true,
      },
      { isAllowedContentScript: service.isAllowedSender },
    );
    return { requestAltText, stopJob };
  }
  /** The listener's answer: what it passes to sendResponse, or undefined when it declines. */
  const send = (type: string, data: unknown, from: object): Promise<[unknown]> =>
    new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage
        .trigger({ iris: 1, type, data }, from, (reply: unknown) => resolve([reply]))
        .then(([handled]) => {
          if ((handled as unknown) !== true) resolve([undefined]);
        });
    });

  it('accepts an alt-text verb from Iris’s content script on an opted-in site', async () => {
    const { requestAltText } = register();
    const [reply] = await send(
      'requestAltText',
      { srcUrl: 'https://c/x.png', pageUrl: SITE },
      sender,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(requestAltText).toHaveBeenCalledOnce();
  });

  it.each([
    ['a site not opted in', { ...sender, url: 'https://other.example/' }],
    ['another extension', { ...sender, id: 'other' }],
    ['no tab', { id: sender.id, url: sender.url }],
  ])('ignores %s', async (_name, from) => {
    const { requestAltText } = register();
    const [reply] = await send(
      'requestAltText',
      { srcUrl: 'https://c/x.png', pageUrl: SITE },
      from,
    );
    expect(reply).toBeUndefined();
    expect(requestAltText).not.toHaveBeenCalled();
  });

  it('refuses every other verb from a content script, even on an opted-in site', async () => {
    const { stopJob } = register();
    const [reply] = await send('stopJob', { id: 'j' }, sender);
    expect(reply).toBeUndefined();
    expect(stopJob).not.toHaveBeenCalled();
  });

  it('refuses malformed data', async () => {
    const { requestAltText } = register();
    const [reply] = await send('requestAltText', { srcUrl: 42 }, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(requestAltText).not.toHaveBeenCalled();
  });
});
