import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../fixtures/mock-server/server.mjs';
import {
  contextMenuChoose,
  type Harness,
  launch,
  type MockServer,
  openPopupPage,
  openSitePage,
  PUBLIC_HOST,
  resetExtension,
  TEST_KEY,
  waitForJob,
} from './harness';

type ChatBody = {
  model: string;
  provider?: { zdr?: boolean; data_collection?: string };
  messages: {
    role: string;
    content: string | { type: string; text?: string; image_url?: { url: string } }[];
  }[];
};

function userText(body: unknown): string | undefined {
  const message = (body as ChatBody).messages.find((m) => m.role === 'user');
  if (!message || typeof message.content === 'string') return undefined;
  return message.content.find((part) => part.type === 'text')?.text;
}

const chatRequests = (mock: MockServer) =>
  mock.requests.filter((r) => r.path.endsWith('/chat/completions'));

let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
/**
 * Iris's items sit in Chrome's "Iris" submenu (just above "Inspect") whenever Iris has more
 * than one image item; these tests always turn on the built-in "Identify" preset so that holds
 * however many items other features add. (Letters are unsafe at the top level: 'i' is the
 * mnemonic of "Open image in new tab".)
 */
const SUBMENU = ['Up', 'Up', 'Right'];
const DESCRIBE = [...SUBMENU, 'd'];

beforeEach(async () => {
  await resetExtension(h);
  // Let the background's menu rebuild for the cleared presets finish before the next one.
  await new Promise((r) => setTimeout(r, 300));
  await h.worker.evaluate(() =>
    chrome.storage.local.set({ presets: { builtIns: { identify: true }, custom: [] } }),
  );
  await new Promise((r) => setTimeout(r, 300));
});

async function openOptions(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.getByRole('combobox', { name: 'Model' }).waitFor();
  return page;
}

async function saveOptions(options: Page): Promise<void> {
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => options.getByRole('status').innerText()).toContain('Saved');
}

describe('Options, against the mock OpenRouter', () => {
  it('Check key shows the label, limit and what is left; a refused key says so', async () => {
    const options = await openOptions();
    await options.getByRole('button', { name: 'Check key' }).click();
    await expect.poll(() => options.getByText('This key works.').count()).toBe(1);
    const details = options.getByRole('definition');
    expect(await details.allInnerTexts()).toEqual(['mock key', '$10.00', '$7.50']);
    const request = await h.mock.waitForRequest({ path: '/api/v1/key' });
    expect(request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);

    await options.getByLabel('OpenRouter API key').fill('not-a-valid-key');
    await options.getByRole('button', { name: 'Check key' }).click();
    await expect.poll(() => options.getByText(/did not accept your API key/).count()).toBe(1);
    expect(await options.getByRole('definition').count()).toBe(0);
  });

  it('a model picked from /models is the `model` of the next request', async () => {
    const options = await openOptions();
    await h.mock.waitForRequest({ path: '/api/v1/models' });
    const combo = options.getByRole('combobox', { name: 'Model' });
    // The label the foundation's tests use names exactly one field.
    expect(await options.getByLabel('Model', { exact: true }).count()).toBe(1);
    expect(await options.getByLabel('OpenRouter API key').count()).toBe(1);
    await combo.fill('claude');
    const option = options.getByRole('option', {
      name: /^Anthropic: Claude Sonnet 4, \$3\.00 per million input/,
    });
    await option.click();
    expect(await combo.inputValue()).toBe('anthropic/claude-sonnet-4');
    // Only image-capable models are offered.
    const choices = options.getByRole('listbox', { name: 'Choices' }).getByRole('option');
    await combo.fill('gpt');
    await expect.poll(() => choices.allInnerTexts()).toHaveLength(1);
    await combo.fill('mistral');
    await expect.poll(() => choices.count()).toBe(0);
    await combo.fill('anthropic/claude-sonnet-4');
    await saveOptions(options);

    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    expect((request.body as ChatBody).model).toBe('anthropic/claude-sonnet-4');
  });

  it('a custom preset is an item of the real context menu and its prompt is what is sent', async () => {
    const options = await openOptions();
    const prompt = 'Count the zebras in this picture and nothing else.';
    await options.getByLabel('Preset name').fill('Zebra count');
    await options.getByLabel('Preset prompt').fill(prompt);
    await options.getByRole('button', { name: 'Add preset' }).click();
    await options.getByRole('checkbox', { name: 'Show “Zebra count”' }).waitFor();
    await options.waitForTimeout(300); // the background rebuilds the menu on the storage change

    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', [...SUBMENU, 'z']);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(userText(request.body)).toBe(prompt);
    await waitForJob(h, (j) => j.status === 'done');
  });

  it('closing Options with a change not saved asks first; staying keeps it, Save lets it go', async () => {
    const options = await openOptions();
    const dialogs: string[] = [];
    options.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss(); // "Stay on page"
    });
    await options.getByLabel('Sites where Iris never runs').fill('bank.example');
    expect(await options.getByRole('status').innerText()).toBe('Changes not saved yet.');
    await options.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(options.isClosed()).toBe(false);
    expect(await options.getByLabel('Sites where Iris never runs').inputValue()).toBe(
      'bank.example',
    );
    await saveOptions(options);
    await options.close({ runBeforeUnload: true });
    await expect.poll(() => options.isClosed()).toBe(true);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await h.worker.evaluate(() => chrome.storage.local.get('neverSites'))).toEqual({
      neverSites: ['bank.example'],
    });
    await h.worker.evaluate(() => chrome.storage.local.remove('neverSites'));
  });

  it('"Only providers that keep no data" adds provider.zdr and data_collection: deny', async () => {
    const options = await openOptions();
    await options.getByRole('checkbox', { name: 'Only providers that keep no data' }).check();
    await saveOptions(options);
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const request = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    expect((request.body as ChatBody).provider).toEqual({ zdr: true, data_collection: 'deny' });
  });

  it('on a never-run site the menu item ends in a notice and nothing is sent', async () => {
    const options = await openOptions();
    await options
      .getByLabel('Sites where Iris never runs')
      .fill(`https://${PUBLIC_HOST}/\nother.example`);
    await saveOptions(options);
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const job = await waitForJob(h, (j) => j.status === 'error');
    expect(job.error?.code).toBe('site-blocked');
    const popup = await openPopupPage(h);
    await expect.poll(() => popup.getByRole('alert').innerText()).toContain('never runs');
    await page.waitForTimeout(300);
    expect(chatRequests(h.mock)).toHaveLength(0);
  });
});

describe('Custom endpoint', () => {
  let local: MockServer;
  beforeAll(async () => {
    local = await startMockServer({ tls: false });
  });
  afterAll(async () => {
    await local?.close();
  });

  it('receives the request with its own key; OpenRouter gets nothing', async () => {
    local.reset();
    const options = await openOptions();
    await options
      .getByRole('checkbox', { name: 'Use a custom endpoint instead of OpenRouter' })
      .check();
    // Plain http to another machine is refused.
    await options.getByLabel('Endpoint base URL').fill('http://192.168.7.7:11434/v1');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.getByRole('status').innerText()).toContain('Not saved');

    await options.getByLabel('Endpoint base URL').fill(`http://127.0.0.1:${local.port}/v1`);
    await options.getByLabel('Endpoint model', { exact: true }).fill('llava-local');
    await options.getByLabel('Endpoint API key (optional)').fill('sk-or-v1-local-endpoint-key');
    await saveOptions(options);

    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const request = await local.waitForRequest({ path: '/v1/chat/completions', timeoutMs: 10_000 });
    expect(request.validation.ok, request.validation.issues.join('; ')).toBe(true);
    expect(request.headers.authorization).toBe('Bearer sk-or-v1-local-endpoint-key');
    const body = request.body as ChatBody;
    expect(body.model).toBe('llava-local');
    expect(body.provider).toBeUndefined();
    await waitForJob(h, (j) => j.status === 'done');
    expect(chatRequests(h.mock)).toHaveLength(0);
    expect(JSON.stringify(local.requests.map((r) => r.headers))).not.toContain(TEST_KEY);
  });

  it.each([
    [401, 'did not accept its API key', 'Endpoint API key (optional)'],
    [403, 'refused the request (HTTP 403)', 'Endpoint base URL'],
    [404, 'cannot read images', 'Endpoint model'],
  ])(
    'an HTTP %i from it names the endpoint, not OpenRouter, and leads to its settings',
    async (status, words, field) => {
      local.reset();
      await h.worker.evaluate(
        (baseUrl) =>
          chrome.storage.local.set({
            customEndpoint: { enabled: true, baseUrl, model: 'llava' },
            customApiKey: 'sk-or-v1-local-endpoint-key',
          }),
        `http://127.0.0.1:${local.port}/v1`,
      );
      local.enqueue({ type: 'error', status });
      const page = await openSitePage(h, '/index.html', 'public');
      await contextMenuChoose(page, '#jpeg', DESCRIBE);
      await waitForJob(h, (j) => j.status === 'error');
      const popup = await openPopupPage(h);
      const alert = popup.getByRole('alert');
      await expect
        .poll(() => alert.innerText())
        .toContain(`custom endpoint (127.0.0.1:${local.port})`);
      expect(await alert.innerText()).toContain(words);
      expect(await alert.locator('.error-sentence').innerText()).not.toContain('OpenRouter');
      expect(
        await alert.getByRole('button', { name: 'Switch to an image-capable model' }).count(),
      ).toBe(0);
      const [options] = await Promise.all([
        h.context.waitForEvent('page'),
        alert.getByRole('button', { name: 'Check the endpoint settings' }).click(),
      ]);
      await options.waitForLoadState();
      expect(options.url()).toContain('/options.html');
      // Options opens at the field to fix (its key, its address, its model), not at the top.
      await expect
        .poll(() =>
          options.evaluate(() => {
            const id = document.activeElement?.id;
            return id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
          }),
        )
        .toBe(field);
      expect(chatRequests(h.mock)).toHaveLength(0);
    },
  );
});

describe('A model that cannot see images', () => {
  it('the popup switches to an image-capable model in one click and asks again', async () => {
    await h.worker.evaluate(() =>
      chrome.storage.local.set({ model: 'mistralai/mistral-7b-instruct' }),
    );
    // Options open in another tab follows the switch (a later Save there must not undo it).
    const options = await openOptions();
    const model = options.getByRole('combobox', { name: 'Model' });
    expect(await model.inputValue()).toBe('mistralai/mistral-7b-instruct');
    h.mock.enqueue({ type: 'error', status: 404 });
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const first = await h.mock.waitForRequest({ path: '/api/v1/chat/completions' });
    expect((first.body as ChatBody).model).toBe('mistralai/mistral-7b-instruct');
    await waitForJob(h, (j) => j.error?.code === 'model-cannot-see-images');

    const popup = await openPopupPage(h);
    await popup
      .getByRole('alert')
      .getByRole('button', { name: 'Switch to an image-capable model and retry' })
      .click();
    const second = await h.mock.waitForRequest({
      path: '/api/v1/chat/completions',
      timeoutMs: 10_000,
    });
    expect((second.body as ChatBody).model).toBe('google/gemini-2.5-flash');
    await waitForJob(h, (j) => j.status === 'done');
    expect(
      await h.worker.evaluate(async () => (await chrome.storage.local.get('model')).model),
    ).toBe('google/gemini-2.5-flash');
    await expect.poll(() => model.inputValue()).toBe('google/gemini-2.5-flash');
    expect(await options.getByRole('status').innerText()).toBe('');
    await options.close();
  });
});

describe('History', () => {
  it('a finished answer is listed in Options with its model and can be deleted', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    await contextMenuChoose(page, '#jpeg', DESCRIBE);
    const job = await waitForJob(h, (j) => j.status === 'done');
    const options = await openOptions();
    const list = options.getByRole('list', { name: 'Past answers' });
    await expect.poll(() => list.getByRole('article').count()).toBe(1);
    const text = await list.innerText();
    // Rendered as in the popup: the answer's Markdown markers are gone, its words are there.
    expect(text).toContain(job.text.replaceAll('**', '').slice(0, 20));
    expect(text).not.toContain('**');
    expect(text).toContain(job.model);
    await list.getByRole('button', { name: /^Delete the answer from/ }).click();
    await expect.poll(() => list.getByRole('article').count()).toBe(0);
  });
});
