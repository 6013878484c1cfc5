import { describe, expect, it } from 'vitest';
import { FIREFOX_MENU_ACCESS_KEYS, SUGGESTED_KEYS } from '../../utils/shortcuts';

const letter = (key: string) => key.split('+').at(-1) ?? '';

describe('suggested keys', () => {
  it("Firefox's keys are none of its menu bar's access keys (English, German)", () => {
    const taken = Object.values(FIREFOX_MENU_ACCESS_KEYS).join('');
    for (const key of Object.values(SUGGESTED_KEYS.firefox))
      expect(taken, `${key} opens a Firefox menu`).not.toContain(letter(key));
  });

  it("Chrome's keys avoid the ones Chrome keeps (Alt+Shift+A, Alt+Shift+I)", () => {
    for (const key of Object.values(SUGGESTED_KEYS.chrome))
      expect(['A', 'I']).not.toContain(letter(key));
  });

  it('each browser has four different keys', () => {
    for (const keys of Object.values(SUGGESTED_KEYS))
      expect(new Set(Object.values(keys)).size).toBe(4);
  });
});
