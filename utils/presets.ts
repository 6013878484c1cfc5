import { t } from './i18n';
import { DEFAULT_PROMPT, type PresetState } from './settings';

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

/**
 * Built-in presets. Only Describe is on by default: one Iris item stays a top-level menu
 * entry, and people add the others when they want them.
 */
export const BUILT_IN_PRESETS: readonly Omit<Preset, 'enabled'>[] = [
  { id: DESCRIBE_PRESET_ID, name: t('presetDescribe'), prompt: DEFAULT_PROMPT, builtIn: true },
  {
    id: 'alt-text',
    name: t('altText'),
    prompt:
      'Write concise alt text for this image (one sentence, under 125 characters). Answer with the alt text only.',
    builtIn: true,
  },
  {
    id: 'read-text',
    name: t('presetReadText'),
    prompt:
      'Transcribe all text in this image exactly, keeping its reading order and structure. Say so if there is none.',
    builtIn: true,
  },
  {
    id: 'explain-chart',
    name: t('presetExplainChart'),
    prompt:
      'Explain this chart: its type, axes, units and the main trends or comparisons it shows, then the key takeaway.',
    builtIn: true,
  },
  {
    id: 'identify',
    name: t('presetIdentify'),
    prompt:
      'Identify what this image shows (object, species, landmark, artwork or product) and say how confident you are.',
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
