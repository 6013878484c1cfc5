import { IrisError } from '../errors';
import * as storage from '../storage';

/** An image-capable model as the picker shows it; prices in USD. */
export interface ModelInfo {
  id: string;
  name: string;
  /** Per million input / output tokens, and per image; undefined when not given. */
  inputPerMillion?: number;
  outputPerMillion?: number;
  perImage?: number;
}

interface ApiModel {
  id?: unknown;
  name?: unknown;
  architecture?: { input_modalities?: unknown; modality?: unknown };
  pricing?: { prompt?: unknown; completion?: unknown; image?: unknown };
}

/** True when the model reads images (`input_modalities`, else the older `modality` string). */
export function acceptsImages(model: ApiModel): boolean {
  const inputs = model.architecture?.input_modalities;
  if (Array.isArray(inputs)) return inputs.includes('image');
  const modality = model.architecture?.modality;
  return typeof modality === 'string' && (modality.split('->')[0] ?? '').includes('image');
}

function price(value: unknown, scale: number): number | undefined {
  const n = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  // OpenRouter uses -1 for "varies" (routers); that is not a price to show.
  return Number.isFinite(n) && n >= 0 ? n * scale : undefined;
}

/** The image-capable models of a `GET /models` answer, sorted by name. */
export function imageModelsFrom(json: unknown): ModelInfo[] {
  const data = (json as { data?: unknown })?.data;
  if (!Array.isArray(data))
    throw new IrisError('bad-response', 'The model list could not be read.');
  return (data as ApiModel[])
    .filter((m) => typeof m.id === 'string' && acceptsImages(m))
    .map((m) => ({
      id: m.id as string,
      name: typeof m.name === 'string' ? m.name : (m.id as string),
      inputPerMillion: price(m.pricing?.prompt, 1e6),
      outputPerMillion: price(m.pricing?.completion, 1e6),
      perImage: price(m.pricing?.image, 1),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface ModelCache {
  fetchedAt: number;
  baseUrl: string;
  models: ModelInfo[];
}
/** The last model list, kept a day so the picker opens instantly and offline. */
export const modelCacheItem = storage.defineItem<ModelCache | null>('local:modelCache', {
  fallback: null,
});
export const MODEL_CACHE_MS = 24 * 60 * 60 * 1000;

export interface ModelListDeps {
  baseUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Image-capable models, from the cache when it is younger than a day (unless `refresh`). */
export async function getImageModels(deps: ModelListDeps, refresh = false): Promise<ModelCache> {
  const now = deps.now ?? Date.now;
  const cached = await modelCacheItem.getValue();
  if (
    !refresh &&
    cached &&
    cached.baseUrl === deps.baseUrl &&
    now() - cached.fetchedAt < MODEL_CACHE_MS
  ) {
    return cached;
  }
  const doFetch = deps.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${deps.baseUrl.replace(/\/+$/, '')}/models`, { credentials: 'omit' });
  } catch (cause) {
    throw new IrisError('network', 'Could not load the model list.', {}, { cause });
  }
  if (!response.ok) {
    throw new IrisError('bad-response', `The model list answered HTTP ${response.status}.`, {
      status: response.status,
    });
  }
  const fresh: ModelCache = {
    fetchedAt: now(),
    baseUrl: deps.baseUrl,
    models: imageModelsFrom(await response.json()),
  };
  await modelCacheItem.setValue(fresh);
  return fresh;
}
