import { describe, expect, it } from 'vitest';
import { buildChatBody } from '../../../utils/openrouter/body';
import { requestOptionsFor } from '../../../utils/openrouter/request-options';
import type { JobSettings } from '../../../utils/settings';

const base: JobSettings = {
  apiKey: 'k',
  model: 'google/gemini-2.5-flash',
  baseUrl: 'https://openrouter.ai/api/v1',
  sendPublicByUrl: true,
  maxImageSide: 2048,
  endpoint: 'openrouter',
};
const de = () => 'de';

function body(overrides: Partial<JobSettings>) {
  const settings = { ...base, ...overrides };
  return buildChatBody({
    model: settings.model,
    prompt: 'p',
    images: [{ kind: 'url', url: 'https://x/a.png' }],
    ...requestOptionsFor(settings, de),
  });
}

describe('requestOptionsFor', () => {
  it('adds no routing fields by default', () => {
    const b = body({});
    expect(b.provider).toBeUndefined();
    expect(b.models).toBeUndefined();
  });

  it('"Only providers that keep no data" sends provider.zdr and data_collection deny', () => {
    expect(body({ noDataProviders: true }).provider).toEqual({
      zdr: true,
      data_collection: 'deny',
    });
  });

  it('fallback models go in `models`, blanks dropped', () => {
    expect(body({ fallbackModels: ['a/b', ' ', 'c/d '] }).models).toEqual(['a/b', 'c/d']);
  });

  it('max tokens and detail reach the body', () => {
    const b = body({ maxTokens: 321, detail: 'high' });
    expect(b.max_tokens).toBe(321);
    const user = b.messages[1];
    expect(user?.role === 'user' && user.content[1]).toMatchObject({
      image_url: { detail: 'high' },
    });
  });

  it.each([
    ['auto', 'Answer in German.'],
    ['fr', 'Answer in French.'],
  ])('answer language %s → "%s" in the system prompt', (answerLanguage, sentence) => {
    const system = body({ answerLanguage }).messages[0];
    expect(system?.content).toContain(sentence);
  });

  it('a custom endpoint never gets OpenRouter routing fields', () => {
    const b = body({ endpoint: 'custom', noDataProviders: true, fallbackModels: ['a/b'] });
    expect(b.provider).toBeUndefined();
    expect(b.models).toBeUndefined();
  });
});
