import { type Browser, browser } from 'wxt/browser';
import { sourceFromClick } from './actions';
import type { JobRunner } from './jobs/run-job';
import type { ImageSource } from './jobs/types';
import { logFailure } from './log';
import { presetFromMenuId, presetMenuItems } from './presets';
import { type PresetState, presetsSetting } from './settings';
import { openPopupSoon } from './toolbar';

/** Adds one image context-menu item per enabled preset (other than Describe). */
export async function createPresetMenus(state?: PresetState): Promise<void> {
  const items = presetMenuItems(state ?? (await presetsSetting.getValue()));
  for (const item of items) {
    browser.contextMenus.create({ id: item.id, title: item.title, contexts: ['image'] });
  }
}

/** Replaces the preset items of `before` with those of `after`, leaving other items alone. */
export async function rebuildPresetMenus(after: PresetState, before: PresetState | null) {
  for (const item of presetMenuItems(before ?? { builtIns: {}, custom: [] })) {
    await browser.contextMenus
      .remove(item.id)
      .catch(logFailure('preset item already gone', 'debug'));
  }
  await createPresetMenus(after);
}

/** The image a click meant when the menu gave no address (Actions.findUnnamedImage). */
type FindImage = (
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
) => Promise<ImageSource | undefined>;

/** Registers the preset items' click listener and the rebuild on change (synchronously). */
export function registerPresetMenus(runner: JobRunner, findImage?: FindImage): void {
  presetsSetting.watch((after, before) => void rebuildPresetMenus(after, before));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handlePresetClick(runner, info, tab, findImage);
  });
}

export async function handlePresetClick(
  runner: JobRunner,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  findImage?: FindImage,
): Promise<void> {
  if (typeof info.menuItemId !== 'string' || !info.menuItemId.startsWith('iris-preset:')) return;
  // An image the menu gave no address for (a data: URL over 2 MB) is looked for in the page.
  const source = sourceFromClick(info, tab) ?? (await findImage?.(info, tab));
  if (!source) return;
  // Firefox only opens the popup from the click's own turn: ask before any await.
  const popup = openPopupSoon();
  const preset = presetFromMenuId(await presetsSetting.getValue(), info.menuItemId);
  if (!preset) return;
  await runner.start({ source, prompt: preset.prompt });
  await popup;
}
