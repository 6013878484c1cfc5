import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * `npm start -- --mock` as the README promises: builds, opens Chromium with Iris loaded on the
 * sample page (the service worker up, the mock's key set) and stops cleanly on Ctrl-C.
 */
describe('npm start -- --mock', () => {
  it('builds, loads Iris on the sample page, and stops on Ctrl-C', async () => {
    const child = spawn('node', ['scripts/start.mjs', '--mock'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 50_000;
    while (!output.includes('Iris is loaded') && Date.now() < deadline) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toMatch(/Iris is loaded\. Sample page: http:\/\/127\.0\.0\.1:\d+\/index\.html/);
    expect(output).toContain('answers from the mock OpenRouter');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
