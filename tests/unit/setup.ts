import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import enMessages from '../../public/_locales/en/messages.json';

// Without Vitest globals, Testing Library cannot register its own cleanup.
afterEach(cleanup);

// fakeBrowser has no i18n: answer from the English messages, as the browser would.
const english: Record<string, { message: string }> = enMessages;
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) => {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return (english[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) =>
    String(subs[Number(n) - 1] ?? ''),
  );
};
