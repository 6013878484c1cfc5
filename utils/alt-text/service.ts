import { type Browser, browser } from 'wxt/browser';
import { IrisError, toIrisError } from '../errors';
import { t } from '../i18n';
import { acquireImage } from '../image/acquire';
import { logFailure } from '../log';
import type { AltTextConfig, AltTextReply } from '../messaging';
import { buildChatBody } from '../openrouter/body';
import { type ClientOptions, createOpenRouterClient } from '../openrouter/client';
import { clientOptionsFor } from '../openrouter/request-options';
import { executeScript } from '../page/execute-script';
import { type Inject, runInPage } from '../page/run-in-page';
import {
  altTextConcurrencySetting,
  altTextDayCapSetting,
  altTextMaxLengthSetting,
  altTextPageCapSetting,
  altTextSitesSetting,
  imageOptionsFor,
  readJobSettings,
} from '../settings';
import { getValues } from '../storage';
import { altCacheKey, dayOf, putInCache, spentToday } from './cache';
import { cleanAltText } from './clean';
import { capNoticeTexts } from './notice';
import { ALT_PROMPT_VERSION, ALT_SYSTEM_PROMPT, altTextPrompt } from './prompt';
import { isAltTextSender } from './sender';
import { siteOf } from './sites';
import {
  altTextCacheItem,
  altTextNoticesItem,
  altTextOncePassesItem,
  altTextSpendItem,
} from './store';

export interface AltTextServiceDeps {
  now?: () => number;
  language?: () => string;
  acquire?: typeof acquireImage;
  createClient?: (options: ClientOptions) => ReturnType<typeof createOpenRouterClient>;
  inject?: Inject;
}

type Sender = Browser.runtime.MessageSender;

/**
 * The background side of auto alt text: answers the content script from the cache or the
 * model, and keeps the daily budget. Storage read-modify-writes (cache, spend) go through
 * one promise chain held in this closure, so parallel requests never lose an update.
 */
export function createAltTextService(deps: AltTextServiceDeps = {}) {
  const now = deps.now ?? Date.now;
  const language = deps.language ?? (() => browser.i18n.getUILanguage());
  const acquire = deps.acquire ?? acquireImage;
  const createClient = deps.createClient ?? createOpenRouterClient;
  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(logFailure('alt-text storage update'));
    return run;
  }

  async function isAllowedSender(sender: Sender): Promise<boolean> {
    const [sites, oncePasses] = await getValues([altTextSitesSetting, altTextOncePassesItem]);
    return isAltTextSender(sender, { extensionId: browser.runtime.id, sites, oncePasses });
  }

  async function getConfig(sender: Sender): Promise<AltTextConfig> {
    const tabId = String(sender.tab?.id);
    const [concurrency, pageCapUsd, oncePasses, sites] = await getValues([
      altTextConcurrencySetting,
      altTextPageCapSetting,
      altTextOncePassesItem,
      altTextSitesSetting,
    ]);
    const site = siteOf(sender.url);
    // A new page in this tab: an old page's notice no longer applies.
    await serial(async () => {
      const notices = await altTextNoticesItem.getValue();
      if (!notices[tabId]) return;
      delete notices[tabId];
      await altTextNoticesItem.setValue(notices);
    });
    // An opted-in site runs auto mode even in a tab that was also given one pass.
    const once = !(site && sites.includes(site)) && oncePasses[tabId] === site;
    return { concurrency: Math.max(1, concurrency), pageCapUsd, once };
  }

  /** Keeps the cap that stopped auto mode in a tab, for the popup's notice. */
  async function recordCap(scope: 'page' | 'day', sender: Sender): Promise<number> {
    const capUsd = await (scope === 'page'
      ? altTextPageCapSetting
      : altTextDayCapSetting
    ).getValue();
    await serial(async () => {
      const notices = await altTextNoticesItem.getValue();
      await altTextNoticesItem.setValue({
        ...notices,
        [String(sender.tab?.id)]: { scope, capUsd, at: now() },
      });
    });
    return capUsd;
  }

  /** The content script stopped at a cap: recorded, and said in the page too. */
  async function reportCap(scope: 'page' | 'day', sender: Sender): Promise<boolean> {
    const capUsd = await recordCap(scope, sender);
    const tabId = sender.tab?.id;
    if (tabId === undefined) return true;
    const inject = deps.inject ?? executeScript;
    await runInPage(inject, {
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      file: '/page-alt-text.js',
      name: 'showCapNoticeInPage',
      args: [capNoticeTexts(scope, capUsd)],
    }).catch(logFailure('cap notice not shown in the page'));
    return true;
  }

  async function requestAltText(
    request: { srcUrl: string; pageUrl: string },
    sender: Sender,
  ): Promise<AltTextReply> {
    const [settings, maxLength, dayCap] = await Promise.all([
      readJobSettings(),
      altTextMaxLengthSetting.getValue(),
      altTextDayCapSetting.getValue(),
    ]);
    const lang = language();
    const key = altCacheKey(request.srcUrl, {
      model: settings.model,
      promptVersion: ALT_PROMPT_VERSION,
      language: lang,
      maxLength,
    });
    const hit = key ? (await altTextCacheItem.getValue())[key] : undefined;
    if (key && hit) {
      await serial(async () =>
        altTextCacheItem.setValue(
          putInCache(await altTextCacheItem.getValue(), key, { ...hit, at: now() }),
        ),
      );
      return { kind: 'alt', alt: hit.alt, cost: 0, cached: true };
    }
    if (spentToday(await altTextSpendItem.getValue(), now()) >= dayCap) {
      await recordCap('day', sender);
      return { kind: 'capped', scope: 'day', capUsd: dayCap };
    }
    try {
      if (!settings.apiKey) throw new IrisError('no-api-key', t('errorNoApiKey'));
      const image = await acquire(
        {
          srcUrl: request.srcUrl,
          tabId: sender.tab?.id,
          frameId: sender.frameId,
          incognito: sender.tab?.incognito,
        },
        imageOptionsFor(settings),
      );
      // The same waiting limits as every other request (Options → Waiting limits).
      const client = createClient(clientOptionsFor(settings));
      // The streaming client is reused on purpose: one error taxonomy and one set of
      // timeouts for every request, and the final chunk carries usage.cost as well.
      const result = await client.streamChat(
        buildChatBody({
          model: settings.model,
          prompt: altTextPrompt(lang, maxLength),
          system: ALT_SYSTEM_PROMPT,
          images: [image.payload],
          maxTokens: 300,
        }),
      );
      const cost = result.usage?.cost ?? 0;
      const alt = cleanAltText(result.text, maxLength);
      await serial(async () => {
        const spend = await altTextSpendItem.getValue();
        await altTextSpendItem.setValue({
          day: dayOf(now()),
          usd: spentToday(spend, now()) + cost,
        });
        if (key && alt) {
          const cache = await altTextCacheItem.getValue();
          await altTextCacheItem.setValue(putInCache(cache, key, { alt, at: now() }));
        }
      });
      return { kind: 'alt', alt, cost, cached: false };
    } catch (thrown) {
      const error: IrisError = toIrisError(thrown);
      return { kind: 'failed', error: error.toJSON() };
    }
  }

  return { isAllowedSender, getConfig, reportCap, requestAltText };
}

export type AltTextService = ReturnType<typeof createAltTextService>;
