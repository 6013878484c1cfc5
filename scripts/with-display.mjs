#!/usr/bin/env node
// Runs a command with an X display: the current one, or a virtual one from xvfb-run, so
// that end-to-end tests can drive Chromium's real (native) context menu.
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const hasDisplay = Boolean(process.env.DISPLAY);
const result = hasDisplay
  ? spawnSync(command, args, { stdio: 'inherit' })
  : spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', command, ...args], {
      stdio: 'inherit',
    });
if (result.error) {
  console.error(`Could not start ${hasDisplay ? command : 'xvfb-run'}: ${result.error.message}`);
  if (!hasDisplay)
    console.error('Install Xvfb (apt-get install xvfb xauth xdotool) or run with a DISPLAY.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
process.exit(result.status ?? 1);
