import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../utils/i18n';

type Messages = Record<string, { message: string }>;
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = read('en');
const de = read('de');

/** Every message key the code names: t('key'), t(cond ? 'a' : 'b') and __MSG_key__. */
function usedKeys(): Set<string> {
  const files = ['entrypoints', 'components', 'utils']
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)),
    )
    .filter((file) => /\.tsx?$/.test(file))
    .concat('wxt.config.ts');
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'(\w+)'/g)) keys.add(m[1] as string);
    for (const m of source.matchAll(/\bt\(\s*[^()']*\?\s*'(\w+)'\s*:\s*'(\w+)'/g)) {
      keys.add(m[1] as string);
      keys.add(m[2] as string);
    }
    for (const m of source.matchAll(/__MSG_(\w+)__/g)) keys.add(m[1] as string);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('_locales', () => {
  const used = usedKeys();

  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(150);
  });

  it.each(['en', 'de'])('%s has every key the code uses', (lang) => {
    const messages = lang === 'en' ? en : de;
    expect([...used].filter((key) => !messages[key])).toEqual([]);
  });

  it('en has no key the code no longer uses', () => {
    expect(Object.keys(en).filter((key) => !used.has(key) && key !== 'uiLanguage')).toEqual([]);
  });

  it('de has exactly the keys of en', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('de keeps the substitutions ($1, $2) of each English message', () => {
    const differing = Object.keys(en).filter(
      (key) =>
        placeholders(en[key]?.message ?? '').join() !== placeholders(de[key]?.message ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('de translates every longer message (short names like "Iris" may stay)', () => {
    const untranslated = Object.keys(en).filter(
      (key) => (en[key]?.message.length ?? 0) > 8 && en[key]?.message === de[key]?.message,
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps "…" wherever the English has it', () => {
    const lost = Object.keys(en).filter(
      (key) => en[key]?.message.endsWith('…') && !de[key]?.message.endsWith('…'),
    );
    expect(lost).toEqual([]);
  });

  it('t() fills in substitutions and keeps the English text', () => {
    expect(t('menuDescribeImage')).toBe('Describe image');
    expect(t('removePicture', 2)).toBe('Remove picture 2');
    expect(t('retryBusyAfter', [1, 3])).toBe('s (retry 1 of 3)…');
  });
});
