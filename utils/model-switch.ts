import { IrisError } from './errors';
import { getImageModels, type ModelCache } from './openrouter/models';
import { baseUrlSetting, DEFAULT_MODEL, modelSetting } from './settings';

/** An image-capable model other than `current`: the default one if it qualifies, else the first. */
export function pickImageModel(models: ModelCache['models'], current: string): string | null {
  const others = models.filter((m) => m.id !== current);
  return (others.find((m) => m.id === DEFAULT_MODEL) ?? others[0])?.id ?? null;
}

/**
 * Saves an image-capable model in place of one that cannot see images, for the popup's
 * one-click "switch and retry". Resolves to the model chosen.
 */
export async function switchToImageModel(deps: { fetch?: typeof fetch } = {}): Promise<string> {
  const [baseUrl, current] = await Promise.all([
    baseUrlSetting.getValue(),
    modelSetting.getValue(),
  ]);
  const list = await getImageModels({ baseUrl, fetch: deps.fetch });
  const next = pickImageModel(list.models, current);
  if (!next) throw new IrisError('bad-model', 'No image-capable model is available.');
  await modelSetting.setValue(next);
  return next;
}
