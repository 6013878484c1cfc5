import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium with the built extension, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real menu click can be missed by a busy window manager; one retry, never more.
    retry: 0,
  },
});
