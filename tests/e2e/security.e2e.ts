import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UI_XSS_PAYLOADS } from '../fixtures/xss-payloads';
import {
  contextMenuChoose,
  type Harness,
  launch,
  MENU_ALT_TEXT,
  MENU_ASK,
  MENU_DESCRIBE,
  openPopupPage,
  openSitePage,
  resetExtension,
  TEST_KEY,
  waitForJob,
} from './harness';

/** The page's own address carries a payload too: history shows (and links) page URLs. */
const HOSTILE_PAGE = `/hostile.html?t=${encodeURIComponent(UI_XSS_PAYLOADS[1] ?? '')}#<script>x</script>`;
/** A model that echoes what the page fed it. */
const HOSTILE_ANSWER = UI_XSS_PAYLOADS.join('\n\n');

/**
 * Hosts Chromium itself calls (its updater, its Google account check) with no extension
 * installed and no page open: an idle launch of the harness shows them too. They are not
 * Iris's; any other host is.
 */
const BROWSER_OWN_HOSTS = ['update.googleapis.com', 'accounts.google.com'];

let h: Harness;
/** Every request the mock saw in this file (resetExtension clears its own list per test). */
const mockRequests: Harness['mock']['requests'] = [];

/** Nothing smuggled in is live: no script ran, no dialog opened, no active markup in the body. */
async function expectInert(page: Page): Promise<void> {
  // Give onerror/onload/ontoggle handlers, if any had slipped in, the time to fire.
  await page.waitForTimeout(500);
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    if ((window as { __pwned?: unknown }).__pwned !== undefined) bad.push('window.__pwned set');
    for (const el of document.body.querySelectorAll('*')) {
      if (/^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|BASE|META)$/.test(el.tagName))
        bad.push(el.outerHTML.slice(0, 100));
      for (const name of el.getAttributeNames()) {
        if (name.toLowerCase().startsWith('on')) bad.push(`${el.tagName} ${name}`);
      }
      for (const name of ['href', 'src', 'action', 'formaction']) {
        const value = (el.getAttribute(name) ?? '').replace(/\s/g, '').toLowerCase();
        if (value.startsWith('javascript:') || value.startsWith('data:text'))
          bad.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
      }
    }
    return bad;
  });
  expect(found).toEqual([]);
}

async function openUiPage(name: 'popup' | 'options'): Promise<{ page: Page; dialogs: string[] }> {
  const page = name === 'popup' ? await openPopupPage(h) : await h.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (name === 'options') await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  return { page, dialogs };
}

beforeAll(async () => {
  h = await launch();
});
beforeEach(async () => {
  await resetExtension(h);
});
afterEach(() => {
  mockRequests.push(...h.mock.requests);
});
afterAll(async () => {
  if (!h) return;
  try {
    // The network audit of this whole file: describe, ask, alt text, a failure, options.
    const leaks = h.auditHits.filter((hit) => !BROWSER_OWN_HOSTS.includes(hit.host ?? ''));
    expect(leaks, 'connections to hosts outside the fixtures').toEqual([]);
    // The browser's own calls carry nothing of Iris's.
    expect(h.auditHits.filter((hit) => hit.authorization !== undefined)).toEqual([]);
    expect(h.auditHits.filter((hit) => JSON.stringify(hit).includes(TEST_KEY))).toEqual([]);
    expect(h.site.requests.length).toBeGreaterThan(0);
    expect(h.site.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    expect(h.site.requests.filter((r) => JSON.stringify(r).includes(TEST_KEY))).toEqual([]);
    const withKey = mockRequests.filter((r) => r.headers.authorization !== undefined);
    expect(withKey.length).toBeGreaterThan(0);
    for (const request of withKey) {
      expect(request.path, 'the key goes to API routes only').toMatch(/^\/api\/v1\//);
      expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    }
  } finally {
    await h.close();
  }
});

describe('XSS from what a hostile page controls, in the real popup and options', () => {
  it('describe: hostile image URL, alt, title and an echoing model — nothing runs', async () => {
    h.mock.enqueue({ type: 'stream', text: HOSTILE_ANSWER });
    const page = await openSitePage(h, HOSTILE_PAGE, 'public');
    await contextMenuChoose(page, '#hostile', MENU_DESCRIBE);
    const request = await h.mock.waitForRequest({
      path: '/api/v1/chat/completions',
      timeoutMs: 10_000,
    });
    expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    const job = await waitForJob(h, (j) => j.status === 'done');
    expect(job.images[0]?.source.srcUrl).toContain('__pwned');

    const popup = await openUiPage('popup');
    await expect
      .poll(() => popup.page.getByRole('region', { name: 'Answer' }).innerText())
      .toContain('window.__pwned=1');
    await expectInert(popup.page);
    expect(popup.dialogs).toEqual([]);

    const options = await openUiPage('options');
    const history = options.page.getByRole('list', { name: 'Past answers' });
    await expect.poll(() => history.innerText(), { timeout: 5000 }).toContain('__pwned');
    await expectInert(options.page);
    expect(options.dialogs).toEqual([]);
  });

  it('ask: a hostile question about a hostile image — nothing runs', async () => {
    h.mock.enqueue({ type: 'stream', text: HOSTILE_ANSWER });
    const page = await openSitePage(h, HOSTILE_PAGE, 'public');
    await contextMenuChoose(page, '#hostile', MENU_ASK);
    await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    const popup = await openUiPage('popup');
    const question = popup.page.getByRole('textbox', { name: 'Question' });
    await question.fill(UI_XSS_PAYLOADS.slice(0, 6).join(' '));
    await popup.page.getByRole('button', { name: 'Send' }).click();
    await waitForJob(h, (j) => j.status === 'done');
    await expect
      .poll(() => popup.page.getByRole('region', { name: 'Answer' }).innerText())
      .toContain('window.__pwned=1');
    await expectInert(popup.page);
    expect(popup.dialogs).toEqual([]);
  });

  it('alt text: a hostile alt written back and shown — nothing runs', async () => {
    h.mock.enqueue({ type: 'stream', text: '<img src=x onerror=window.__pwned=1> A red square' });
    const page = await openSitePage(h, HOSTILE_PAGE, 'public');
    await contextMenuChoose(page, '#hostile', MENU_ALT_TEXT);
    const job = await waitForJob(h, (j) => j.status === 'done' && j.altText !== undefined);
    expect(job.altText?.text).toBeTruthy();
    const popup = await openUiPage('popup');
    await expect.poll(() => popup.page.locator('.alt-outcome').count()).toBe(1);
    await expectInert(popup.page);
    expect(popup.dialogs).toEqual([]);
    // The page itself got the text as an attribute value, not as markup.
    expect(await page.locator('#hostile').getAttribute('alt')).toContain('A red square');
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(2);
  });

  it('a failure: hostile URL in the error details and steps — nothing runs', async () => {
    const page = await openSitePage(h, HOSTILE_PAGE, 'public');
    await contextMenuChoose(page, '#hostile-missing', MENU_DESCRIBE);
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.code).toBeTruthy();
    const popup = await openUiPage('popup');
    await expect.poll(() => popup.page.getByRole('alert').count()).toBe(1);
    await expectInert(popup.page);
    expect(popup.dialogs).toEqual([]);
  });
});
