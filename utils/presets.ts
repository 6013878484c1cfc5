import { t } from './i18n';
import type { PresetState } from './settings';

/** A prompt preset as menus and Options see it. */
export interface Preset {
  id: string;
  name: string;
  prompt: string;
  enabled: boolean;
  builtIn: boolean;
}

/** The built-in "Describe" preset is the menu's "Describe image" item; it is always on. */
export const DESCRIBE_PRESET_ID = 'describe';

/** The question "Describe image" asks, in the UI language (the user sees it as theirs). */
export function defaultPrompt(): string {
  return t('presetDescribePrompt');
}

/**
 * Built-in presets. Only Describe is on by default: one Iris item stays a top-level menu
 * entry, and people add the others when they want them. Their questions are in the UI
 * language, like everything else the user reads.
 */
export const BUILT_IN_PRESETS: readonly Omit<Preset, 'enabled'>[] = [
  { id: DESCRIBE_PRESET_ID, name: t('presetDescribe'), prompt: defaultPrompt(), builtIn: true },
  {
    id: 'alt-text',
    name: t('altText'),
    prompt: t('presetAltTextPrompt'),
    builtIn: true,
  },
  {
    id: 'read-text',
    name: t('presetReadText'),
    prompt: t('presetReadTextPrompt'),
    builtIn: true,
  },
  {
    id: 'explain-chart',
    name: t('presetExplainChart'),
    prompt: t('presetExplainChartPrompt'),
    builtIn: true,
  },
  {
    id: 'identify',
    name: t('presetIdentify'),
    prompt: t('presetIdentifyPrompt'),
    builtIn: true,
  },
];

/** Built-ins (with their on/off state) followed by the user's own presets. */
export function listPresets(state: PresetState): Preset[] {
  const builtIns = BUILT_IN_PRESETS.map((p) => ({
    ...p,
    enabled: p.id === DESCRIBE_PRESET_ID || (state.builtIns[p.id] ?? false),
  }));
  return [...builtIns, ...state.custom.map((p) => ({ ...p, builtIn: false }))];
}

export const PRESET_MENU_PREFIX = 'iris-preset:';

/** The context-menu id of a preset other than Describe. */
export function presetMenuId(id: string): string {
  return `${PRESET_MENU_PREFIX}${id}`;
}

/** The preset a menu item id stands for, if any. */
export function presetFromMenuId(state: PresetState, menuId: string | number): Preset | undefined {
  if (typeof menuId !== 'string' || !menuId.startsWith(PRESET_MENU_PREFIX)) return undefined;
  const id = menuId.slice(PRESET_MENU_PREFIX.length);
  return listPresets(state).find((p) => p.id === id && p.enabled);
}

/** The menu items presets need now: every enabled preset except Describe. */
export function presetMenuItems(state: PresetState): { id: string; title: string }[] {
  return listPresets(state)
    .filter((p) => p.enabled && p.id !== DESCRIBE_PRESET_ID)
    .map((p) => ({ id: presetMenuId(p.id), title: p.name }));
}
