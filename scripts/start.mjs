#!/usr/bin/env node
// `npm start`: builds Iris and opens Chromium with it loaded on the sample page of fixture
// images. The API key comes from OPENROUTER_API_KEY if set (else enter it in Options).
// `npm start -- --mock` answers from the local mock OpenRouter instead (no key, no network).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMockServer } from '../tests/fixtures/mock-server/server.mjs';
import { startSiteServer } from '../tests/fixtures/site-server.mjs';

const useMock = process.argv.includes('--mock');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!process.env.DISPLAY && process.platform === 'linux') {
  console.log(`No display found, so Chromium cannot open a window here.
Instead:
  • build with \`npm run build\` and load .output/chrome-mv3 in your own Chrome
    (chrome://extensions → Developer mode → Load unpacked), or
  • run this under a virtual display: xvfb-run -a npm start
  • or run everything headless: npm test`);
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await startSiteServer({ port: 5173 }).catch(() => startSiteServer());
const mock = useMock ? await startMockServer({ tls: true }) : undefined;
const extension = resolve('.output/chrome-mv3');
const args = [
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
];
if (mock)
  args.push(
    `--host-resolver-rules=MAP openrouter.ai 127.0.0.1:${mock.port}`,
    '--ignore-certificate-errors',
  );

let context;
try {
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'iris-start-')), {
    executablePath,
    headless: false,
    viewport: null,
    args,
  });
} catch (error) {
  console.error(`Could not start Chromium at ${executablePath}: ${error.message}
Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const key = mock ? 'sk-or-v1-mock-key' : process.env.OPENROUTER_API_KEY;
if (key) await worker.evaluate((k) => chrome.storage.local.set({ apiKey: k }), key);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${site.url}/index.html`);
if (!key)
  await context
    .newPage()
    .then((p) => p.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`));
console.log(`Iris is loaded. Sample page: ${site.url}/index.html${mock ? ' (answers from the mock OpenRouter)' : ''}
Right-click an image → "Describe image". Close the browser or press Ctrl-C to stop.`);

const stop = async () => {
  await context.close().catch(() => undefined);
  await site.close();
  await mock?.close();
  process.exit(0);
};
context.on('close', stop);
process.on('SIGINT', stop);
