// `npm run bench`: builds Iris, measures sizes, then drives real Chromium with the built
// extension against the mock OpenRouter and the fixture sites; prints a table and writes
// BENCHMARKS.md. Run under an X display (scripts/with-display.mjs provides Xvfb).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { measureAltText } from './alt-text.mjs';
import { launch } from './browser.mjs';
import { measureMemory } from './memory.mjs';
import { CASES, measureDecode, measureOverhead } from './overhead.mjs';
import { measureRegion } from './region.mjs';
import { BUDGETS, budgetFailures, kb, measureBundles } from './size.mjs';
import { median, percentile } from './stats.mjs';
import { measureDeltaToDom, measurePopupPaint } from './streaming.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DESCRIBES = Number(process.env.BENCH_MEMORY_DESCRIBES ?? 50);
// BENCH_ONLY=overhead,delta,paint,alt,decode,memory,region runs only those sections (and
// prints, without rewriting BENCHMARKS.md); BENCH_CASES=url,jpeg12 limits the overhead cases;
// BENCH_NO_BUILD=1 reuses .output/chrome-mv3.
const ONLY = process.env.BENCH_ONLY?.split(',');
const want = (/** @type {string} */ section) => !ONLY || ONLY.includes(section);
const started = Date.now();
/** @param {string} cmd @param {string[]} args */
const sh = (cmd, args) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const log = (/** @type {string} */ s) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);

if (!process.env.BENCH_NO_BUILD) {
  log('building and zipping (chrome, firefox)');
  sh('npx', ['wxt', 'zip', '-b', 'firefox']);
  sh('npx', ['wxt', 'zip']); // last, so .output/chrome-mv3 is the build the browser loads
}
const bundles = ONLY ? [] : measureBundles();
const failures = budgetFailures(bundles);

const machine = {
  cores: sh('nproc', []).trim(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  chromium: sh(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']).trim(),
  load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  date: new Date().toISOString(),
};

log('launching Chromium (the 12 MP test image takes a few seconds to encode)');
const b = await launch();
/** @type {Record<string, any>} */
const r = {};
/** @param {string} section @param {() => Promise<any>} measure */
const measure = async (section, measure) => {
  if (!want(section)) return;
  log(section);
  r[section] = await measure().catch((/** @type {Error} */ e) => {
    console.error(`  ${section} failed: ${e.stack ?? e.message}`);
    return { error: e.message };
  });
};
try {
  await measure('decode', () => measureDecode(b, RUNS));
  await measure('overhead', () => measureOverhead(b, RUNS, process.env.BENCH_CASES?.split(',')));
  await measure('delta', () => measureDeltaToDom(b));
  await measure('paint', () => measurePopupPaint(b, RUNS));
  await measure('alt', () => measureAltText(b));
  await measure('memory', () => measureMemory(b, DESCRIBES));
} finally {
  await b.close();
}
// Its own browser, on its own 4K virtual screen.
await measure('region', () => measureRegion(RUNS));
if (ONLY) {
  const o = /** @type {Record<string, any[]>} */ (r.overhead ?? {});
  const summary = {
    load: machine.load,
    decode: Array.isArray(r.decode) && { median: median(r.decode), all: r.decode },
    overhead: Object.fromEntries(
      Object.entries(o).map(([id, runs]) => [
        id,
        {
          median: median(runs.map((x) => x.clickToRequest)),
          afterImageCheck: median(
            runs.map((x) => x.afterImageCheck).filter((v) => v !== undefined),
          ),
          all: runs.map((x) => x.clickToRequest),
          floor: runs.map((x) => x.floor && Math.round(x.floor)).filter((v) => v !== undefined),
        },
      ]),
    ),
    delta: Array.isArray(r.delta) && {
      p50: percentile(r.delta, 50),
      p95: percentile(r.delta, 95),
      max: Math.max(...r.delta),
    },
    paint: Array.isArray(r.paint) && {
      fcp: median(r.paint.map((/** @type {any} */ x) => x.fcp)),
      answer: median(r.paint.map((/** @type {any} */ x) => x.answer)),
      all: r.paint.map((/** @type {any} */ x) => Math.round(x.fcp)),
    },
    alt: r.alt,
    memory: r.memory,
    region: r.region,
  };
  console.log(JSON.stringify(summary, null, 1));
  process.exit(0);
}

// ——— report ———
const ms = (/** @type {number} */ v) =>
  Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : 'n/a';
const mark = (/** @type {boolean} */ ok) => (ok ? 'met' : '**missed**');
const o = /** @type {Record<string, any[]>} */ (r.overhead);
const med = (/** @type {string} */ id, /** @type {string} */ key) =>
  median((o[id] ?? []).map((x) => x[key]).filter((v) => v !== undefined));
const p95 = (/** @type {string} */ id, /** @type {string} */ key) =>
  percentile(
    (o[id] ?? []).map((x) => x[key]).filter((v) => v !== undefined),
    95,
  );
const decodeMedian = median(r.decode);
// The floor the target is judged on: decodes paired with the 12 MP runs (overhead.mjs).
const pairedFloors = (o.jpeg12 ?? []).map((x) => x.floor).filter((v) => v !== undefined);
const floorMedian = pairedFloors.length ? median(pairedFloors) : decodeMedian;
const files = b.bench.images;
/** @param {string} name */
const fileBytes = (name) => files[/** @type {keyof typeof files} */ (name)][1].length;
const naive = (/** @type {number} */ n) => Math.ceil(n / 3) * 4;

const lines = [];
lines.push('# Iris benchmarks', '');
lines.push(
  `Generated by \`npm run bench\` (scripts/bench/) on ${machine.date}: ${machine.cores} cores, ` +
    `${machine.cpu}, ${machine.memory} RAM, ${machine.chromium}, load average at start ` +
    `${machine.load} (the machine is shared: other sessions run browsers, so timings are noisy). ` +
    `Real Chromium, headed under Xvfb, with .output/chrome-mv3; the mock OpenRouter over TLS as ` +
    `openrouter.ai; the menu driven with xdotool. ${RUNS} runs per timing unless said. KB = 1024 bytes.`,
  '',
);
lines.push('## Size (minified, deterministic)', '');
lines.push('| Bundle | Bytes | KB | Budget (issue) | Status |', '|---|---:|---:|---|---|');
for (const x of bundles) {
  const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (x.kind)];
  const issueOk = budget ? x.bytes <= budget.issue : true;
  const status = !budget
    ? 'no budget in the issue'
    : issueOk
      ? 'met'
      : `**missed** (ratchet ${kb(budget.limit)} holds it)`;
  lines.push(
    `| ${x.name} | ${x.bytes} | ${kb(x.bytes)} | ${budget ? kb(budget.issue) : '—'} | ${status} |`,
  );
}
lines.push(
  '',
  `Budget check (\`npm run budget\`): ${failures.length ? failures.join('; ') : 'passes'}.`,
  '',
);

lines.push('## Click → request leaves, and payload', '');
lines.push(
  'From the key press that activates *Describe image* in the native menu (Date.now() right before ' +
    'the key is written to an xdotool already running, whose start would add 10–100 ms) to the ' +
    'mock having the whole request (its `receivedAt`). "After image check" ' +
    "is from Iris's last request for the image (reachability HEAD/GET) to the chat request.",
  '',
);
lines.push(
  '| Image | Sent as | Click→request median | p95 | After image check (median) | Body bytes | Original file | Naive base64 | Body / naive base64 |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
);
for (const c of CASES) {
  const runs = o[c.id] ?? [];
  const body = median(runs.map((x) => x.bodyBytes));
  const original = fileBytes(c.image);
  lines.push(
    `| ${c.label} | ${runs[0]?.transport ?? 'n/a'} | ${ms(med(c.id, 'clickToRequest'))} | ${ms(p95(c.id, 'clickToRequest'))} | ${ms(med(c.id, 'afterImageCheck'))} | ${body} | ${original} | ${naive(original)} | ${((100 * body) / naive(original)).toFixed(1)} % |`,
  );
}
lines.push(
  '',
  `Decode floor: createImageBitmap of the 12 MP JPEG in a page of the same browser. Paired with the 12 MP runs (one decode in the bench page just before each click; the target below uses these): median ${ms(floorMedian)} (${pairedFloors.map((/** @type {number} */ v) => v.toFixed(0)).join(', ')} ms). On its own, first thing after launch: median ${ms(decodeMedian)}, p95 ${ms(percentile(r.decode, 95))} (${r.decode.map((/** @type {number} */ v) => v.toFixed(0)).join(', ')} ms).`,
  '',
);

const delta = /** @type {number[]} */ (r.delta);
const fcp = r.paint.map((/** @type {any} */ x) => x.fcp);
const answer = r.paint.map((/** @type {any} */ x) => x.answer);
lines.push('## Streaming and popup', '');
lines.push(
  `delta→DOM (mock writes the chunk → its text in the popup page's DOM, MutationObserver, Date.now() on both sides): ` +
    `${delta.length} chunks, p50 ${ms(percentile(delta, 50))}, p95 ${ms(percentile(delta, 95))}, max ${ms(Math.max(...delta))}.`,
  '',
  `Popup opened while a job streams (${r.paint.length} opens): first-contentful-paint median ${ms(median(fcp))} (p95 ${ms(percentile(fcp, 95))}); ` +
    `streamed answer in the DOM median ${ms(median(answer))} (p95 ${ms(percentile(answer, 95))}), both from navigation start.`,
  '',
);
const alt = /** @type {any} */ (r.alt);
lines.push('## Auto alt text, 100-image page (mock answers after 300 ms)', '');
lines.push(
  alt.error
    ? `Not measured: ${alt.error}`
    : `First viewport (${alt.firstViewportImages} images) all with alt text after ${ms(alt.firstViewportMs)} from navigation start; ` +
        `${alt.firstVisitRequests} chat requests on the first visit (nothing scrolled); second visit: first viewport after ${ms(alt.revisitFirstViewportMs)}, ${alt.revisitRequests} requests.`,
  '',
);

const region = /** @type {any[]} */ (Array.isArray(r.region) ? r.region : []);
lines.push('## A 4K screen region', '');
lines.push(
  region.length
    ? 'Capture a region and ask… on a 3840 × 2160 virtual screen, Chromium at device pixel ratio 2: ' +
        'Alt+Shift+S, then Enter takes the whole view. "Enter → in the tray" covers the screenshot, ' +
        'the crop, the shrink to the size limit and the thumbnail; "Send → request" is from the ' +
        `popup's Send button to the mock having the request. Screenshot ${region[0].screenshot} device px, sent as ${region[0].sentAs}, ` +
        `body ${median(region.map((x) => x.bodyBytes))} bytes. Enter → in the tray: median ${ms(median(region.map((x) => x.enterToDraft)))}, ` +
        `p95 ${ms(
          percentile(
            region.map((x) => x.enterToDraft),
            95,
          ),
        )}; Send → request: median ${ms(median(region.map((x) => x.sendToRequest)))}, ` +
        `p95 ${ms(
          percentile(
            region.map((x) => x.sendToRequest),
            95,
          ),
        )}.`
    : `Not measured: ${r.region?.error ?? 'no run finished'}`,
  '',
);
const memory = /** @type {any} */ (r.memory ?? { error: 'not run' });
const mib = (/** @type {number} */ v) => `${(v / 2 ** 20).toFixed(1)} MB`;
lines.push('## Memory', '');
lines.push(
  memory.error
    ? `Not measured: ${memory.error}`
    : `Service worker JS heap plus ArrayBuffer backing stores (DevTools Runtime.getHeapUsage after two forced GCs), after two warm-up describes: ` +
        `${mib(memory.baseline)}; after ${memory.count} more describes of the 12 MP JPEG (focus + Alt+Shift+D, sent as bytes, ` +
        `${memory.requests} chat requests in all, ${memory.seconds.toFixed(0)} s): ${mib(memory.after)}, growth ${mib(memory.growth)}.`,
  '',
);

const url = med('url', 'clickToRequest');
const urlAfter = med('url', 'afterImageCheck');
const jpeg = med('jpeg12', 'clickToRequest');
const jpegBody =
  median((o.jpeg12 ?? []).map((x) => x.bodyBytes)) / naive(fileBytes('photo-12mp.jpg'));
lines.push('## Targets (issues 3, 5, 8)', '');
lines.push('| Target | Measured | Status |', '|---|---|---|');
const rows = [
  ['click→request ≤ 50 ms (public URL)', ms(url), mark(url <= 50)],
  ['URL path adds ≤ 50 ms beyond the reachability check', ms(urlAfter), mark(urlAfter <= 50)],
  ['12 MP JPEG: click→request ≤ 400 ms', ms(jpeg), mark(jpeg <= 400)],
  [
    '12 MP JPEG: ≤ 1.5 × decode floor',
    `${(jpeg / floorMedian).toFixed(1)} × (${ms(floorMedian)})`,
    mark(jpeg <= 1.5 * floorMedian),
  ],
  [
    '12 MP JPEG body ≤ 15 % of naive base64',
    `${(100 * jpegBody).toFixed(1)} %`,
    mark(jpegBody <= 0.15),
  ],
  ['delta→DOM p95 ≤ 16 ms', ms(percentile(delta, 95)), mark(percentile(delta, 95) <= 16)],
  ['popup first paint ≤ 150 ms', ms(median(fcp)), mark(median(fcp) <= 150)],
  [
    'worker heap growth after 50 × 12 MP < 20 MB',
    memory.error ? 'n/a' : mib(memory.growth),
    memory.error ? 'not measured' : mark(memory.growth < 20 * 2 ** 20),
  ],
  [
    'alt text revisit requests = 0',
    alt.error ? 'n/a' : String(alt.revisitRequests),
    alt.error ? 'not measured' : mark(alt.revisitRequests === 0),
  ],
  ...bundles
    .filter((x) => BUDGETS[/** @type {keyof typeof BUDGETS} */ (x.kind)])
    .map((x) => {
      const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (x.kind)];
      return [
        `${x.name.split(' (')[0]} ≤ ${kb(budget.issue)}`,
        kb(x.bytes),
        mark(x.bytes <= budget.issue),
      ];
    }),
];
for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
lines.push('', `Bench wall time: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');

const markdown = lines.join('\n');
const notes = readFileSync(new URL('./notes.md', import.meta.url), 'utf8');
writeFileSync('BENCHMARKS.md', `${markdown}\n${notes}`);
console.log(markdown);
console.log(JSON.stringify({ machine, ...r }, null, 1).slice(0, 4000));
