import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatModelPrice } from '../../../components/model-price';
import {
  acceptsImages,
  getImageModels,
  imageModelsFrom,
  MODEL_CACHE_MS,
} from '../../../utils/openrouter/models';
import { MODELS } from '../../fixtures/mock-server/server.mjs';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('image-capable models', () => {
  it.each([
    [{ architecture: { input_modalities: ['text', 'image'] } }, true],
    [{ architecture: { input_modalities: ['text'], modality: 'text+image->text' } }, false],
    [{ architecture: { modality: 'text+image->text' } }, true],
    [{ architecture: { modality: 'text->image' } }, false],
    [{ architecture: {} }, false],
  ])('%j → %s', (model, expected) => {
    expect(acceptsImages(model)).toBe(expected);
  });

  it('keeps only the vision models of the catalogue, with prices per million and per image', () => {
    const models = imageModelsFrom({ data: MODELS });
    expect(models.map((m) => m.id).sort()).toEqual(
      MODELS.filter((m) => m.architecture.input_modalities.includes('image'))
        .map((m) => m.id)
        .sort(),
    );
    expect(models.map((m) => m.id)).not.toContain('mistralai/mistral-7b-instruct');
    const flash = models.find((m) => m.id === 'google/gemini-2.5-flash');
    expect(flash?.inputPerMillion).toBeCloseTo(0.3);
    expect(flash?.outputPerMillion).toBeCloseTo(2.5);
    expect(flash?.perImage).toBeCloseTo(0.001238);
  });
});

describe('formatModelPrice', () => {
  it.each([
    [
      { inputPerMillion: 0.3, outputPerMillion: 2.5, perImage: 0.001238 },
      '$0.30 / M in · $2.50 / M out · $0.0012 / image',
    ],
    [
      { inputPerMillion: 3, outputPerMillion: 15, perImage: 0.0048 },
      '$3.00 / M in · $15.00 / M out · $0.0048 / image',
    ],
    [{ inputPerMillion: 0, outputPerMillion: 0, perImage: 0 }, 'free'],
    [{ inputPerMillion: 0.15, outputPerMillion: 0.6, perImage: 0 }, '$0.15 / M in · $0.60 / M out'],
    [{}, 'price unknown'],
  ])('%j → %s', (prices, text) => {
    expect(formatModelPrice({ id: 'x', name: 'x', ...prices })).toBe(text);
  });
});

describe('getImageModels', () => {
  const fetchModels = () =>
    vi.fn(async () => Response.json({ data: MODELS })) as unknown as typeof fetch & {
      mock: { calls: unknown[] };
    };

  it('fetches once, then serves the cache for a day; refresh fetches again', async () => {
    const fetch = fetchModels();
    let now = 1_000;
    const deps = { baseUrl: 'https://o/api/v1', fetch, now: () => now };
    const first = await getImageModels(deps);
    expect(fetch).toHaveBeenCalledWith('https://o/api/v1/models', expect.anything());
    now += MODEL_CACHE_MS - 1;
    expect(await getImageModels(deps)).toEqual(first);
    expect(fetch.mock.calls).toHaveLength(1);
    await getImageModels(deps, true);
    expect(fetch.mock.calls).toHaveLength(2);
    now += MODEL_CACHE_MS;
    await getImageModels(deps);
    expect(fetch.mock.calls).toHaveLength(3);
  });

  it('an HTTP error is an IrisError and leaves the cache alone', async () => {
    const fetch = (async () =>
      new Response('x', { status: 503 })) as unknown as typeof globalThis.fetch;
    await expect(getImageModels({ baseUrl: 'https://o', fetch })).rejects.toMatchObject({
      code: 'bad-response',
    });
  });
});
