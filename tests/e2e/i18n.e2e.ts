import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contextMenuChoose,
  type Harness,
  IRIS_SUBMENU,
  launch,
  openPopupPage,
  openSitePage,
  resetExtension,
  waitForJob,
} from './harness';

describe('The German UI (--lang=de)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ extraArgs: ['--lang=de'] });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await resetExtension(h);
  });

  it('the extension speaks German', async () => {
    expect(await h.worker.evaluate(() => chrome.i18n.getMessage('menuDescribeImage'))).toBe(
      'Bild beschreiben',
    );
  });

  it('the popup shows its German texts', async () => {
    const popup = await openPopupPage(h);
    await expect
      .poll(() => popup.getByRole('button', { name: 'Bereich aufnehmen und fragen' }).count())
      .toBe(1);
    expect(await popup.locator('.empty p').textContent()).toContain('„Bild beschreiben“');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    await popup.close();
  });

  it('the options page shows its German labels', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await expect.poll(() => options.getByLabel('OpenRouter-API-Schlüssel').count()).toBe(1);
    expect(await options.title()).toBe('Iris-Einstellungen');
    expect(
      await options.getByRole('heading', { level: 1, name: 'Iris-Einstellungen' }).count(),
    ).toBe(1);
    expect(await options.getByRole('button', { name: 'Speichern' }).count()).toBe(1);
    expect(await options.getByRole('combobox', { name: 'Modell' }).count()).toBe(1);
    expect(
      await options
        .getByRole('checkbox', { name: 'Nur Anbieter, die keine Daten speichern' })
        .count(),
    ).toBe(1);
    expect(await options.getByLabel('OpenRouter API key').count()).toBe(0);
    await options.close();
  });

  it('the image menu has German items: “Frage zu diesem Bild…” starts a question', async () => {
    const page = await openSitePage(h, '/index.html', 'public');
    // "F" is the only German item with that letter (English has none): it picks Ask.
    await contextMenuChoose(page, '#jpeg', [...IRIS_SUBMENU, 'f']);
    const job = await waitForJob(h, (j) => j.status === 'draft' && j.images.length === 1);
    expect(job.task).toBe('ask');
  });
});
