#!/usr/bin/env node
// `npm test`: every check, in order — types, lint, unit tests, both builds, Firefox lint,
// end-to-end in real Chromium — then the plain closing line `N passed, N failed`.
// Tests count one each; every other step counts as one check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = child.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function step(label, command, args) {
  const ok = run(label, command, args);
  results[ok ? 'passed' : 'failed']++;
  if (!ok) failures.push(label);
  return ok;
}

/** Runs a Vitest suite and counts its tests from the JSON report. */
function vitest(label, config, reportName) {
  const report = `test-results/${reportName}.json`;
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    '-c',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  if (!existsSync(report)) {
    results.failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  if (json.numFailedTests > 0 || !ok) failures.push(label);
  if (!ok && json.numFailedTests === 0) results.failed++; // a suite that crashed outside a test
}

step('types', 'npx', ['tsc', '--noEmit']);
step('types (end-to-end tests)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json']);
step('lint', 'npx', ['biome', 'check', '.']);
vitest('unit tests', 'vitest.config.ts', 'unit');
const chrome = step('build chrome-mv3', 'npx', ['wxt', 'build']);
const firefox = step('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']);
// Zips both browsers (rebuilding them) and checks every bundle and zip against its budget.
if (chrome && firefox) step('size budgets', 'npm', ['run', '--silent', 'budget']);
else results.failed++;
if (firefox)
  step('web-ext lint (0 errors)', 'npx', [
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv2',
    '--self-hosted',
  ]);
else results.failed++;
if (chrome) vitest('end-to-end (Chromium)', 'vitest.e2e.config.ts', 'e2e');
else results.failed++;

console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nAll checks passed.');
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
