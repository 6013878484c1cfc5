#!/usr/bin/env node
// Regenerates docs/popup.png for the README: a real describe (mock OpenRouter, real menu
// click under Xvfb), then the popup page captured at the popup's size.
// Run: node scripts/with-display.mjs node scripts/screenshot.mjs (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMockServer } from '../tests/fixtures/mock-server/server.mjs';
import { startSiteServer } from '../tests/fixtures/site-server.mjs';

const site = await startSiteServer();
const mock = await startMockServer({ tls: true });
const extension = resolve('.output/chrome-mv3');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'iris-shot-')), {
  executablePath: '/usr/bin/chromium',
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    `--host-resolver-rules=MAP openrouter.ai 127.0.0.1:${mock.port}, MAP photos.iris-cdn.com 127.0.0.1:${site.port}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-sandbox',
    '--window-position=0,0',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
await worker.evaluate(() => chrome.storage.local.set({ apiKey: 'sk-or-v1-demo' }));
mock.setDefault({
  type: 'stream',
  model: 'google/gemini-2.5-flash',
  text: '**Four coloured squares** in a two-by-two grid:\n\n- top left: red\n- top right: green\n- bottom left: blue\n- bottom right: yellow\n\nNo text is visible.',
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`http://photos.iris-cdn.com/index.html`);
const point = await page.locator('#jpeg').evaluate((node) => {
  const rect = node.getBoundingClientRect();
  return [
    window.screenX + rect.x + rect.width / 2,
    window.screenY + window.outerHeight - window.innerHeight + rect.y + rect.height / 2,
  ];
});
execFileSync('xdotool', [
  'mousemove',
  String(Math.round(point[0])),
  String(Math.round(point[1])),
  'sleep',
  '0.1',
  'click',
  '3',
  'sleep',
  '0.7',
  // Iris's items are grouped under "Iris", just above Inspect: Up, Up, Right, then D.
  'key',
  'Up',
  'Up',
  'Right',
  'd',
]);
await page.waitForTimeout(2500);
const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 560 });
await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
await popup.waitForTimeout(500);
await popup.screenshot({ path: 'docs/popup.png' });
await context.close();
await site.close();
await mock.close();
console.log('wrote docs/popup.png');
