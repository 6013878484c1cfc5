/**
 * The keys Iris suggests for its commands, per browser (users change them in the browser's
 * shortcut settings). Read by wxt.config.ts at build time.
 *
 * Chrome: Alt+Shift+A ("focus inactive dialogs") and Alt+Shift+I ("report an issue") are
 * taken, and four suggested keys is its limit. Firefox: its menu bar takes Alt+Shift with a
 * menu's access key before any extension (tried in Firefox 153: Alt+Shift+S opens History,
 * and in German Alt+Shift+L opens Lesezeichen), so its keys avoid FIREFOX_MENU_ACCESS_KEYS.
 */
export const SUGGESTED_KEYS = {
  chrome: {
    popup: 'Alt+Shift+O',
    capture: 'Alt+Shift+S',
    describe: 'Alt+Shift+D',
    altText: 'Alt+Shift+L',
  },
  firefox: {
    popup: 'Alt+Shift+O',
    capture: 'Alt+Shift+R',
    describe: 'Alt+Shift+I',
    altText: 'Alt+Shift+P',
  },
} as const;

/** The access keys of Firefox's menu bar in the languages Iris speaks. */
export const FIREFOX_MENU_ACCESS_KEYS = {
  // File, Edit, View, History, Bookmarks, Tools, Help
  en: 'FEVSBTH',
  // Datei, Bearbeiten, Ansicht, Chronik, Lesezeichen, Extras, Hilfe
  de: 'DBACLXH',
} as const;
