import { t } from '../utils/i18n';
import type { ModelInfo } from '../utils/openrouter/models';

function usd(value: number, digits: number): string {
  return `$${value.toFixed(digits)}`;
}

/** "$0.30 / M in · $2.50 / M out · $0.0012 / image", or "free". */
export function formatModelPrice(model: ModelInfo): string {
  const { inputPerMillion: input, outputPerMillion: output, perImage } = model;
  if (input === undefined && output === undefined) return t('priceUnknown');
  if (!input && !output && !perImage) return t('costFree');
  const parts: string[] = [];
  if (input !== undefined) parts.push(`${usd(input, 2)} / M in`);
  if (output !== undefined) parts.push(`${usd(output, 2)} / M out`);
  if (perImage) parts.push(`${usd(perImage, perImage < 0.01 ? 4 : 3)} / image`);
  return parts.join(' · ');
}

/** Spoken form for screen readers: "0.30 dollars per million input tokens, …". */
export function describeModelPrice(model: ModelInfo): string {
  return formatModelPrice(model)
    .replace(/\/ M in/, 'per million input tokens')
    .replace(/\/ M out/, 'per million output tokens')
    .replace(/\/ image/, 'per image')
    .replaceAll(' · ', ', ');
}
