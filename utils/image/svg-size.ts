import type { Dimensions } from './dimensions';

/** SVGs are drawn with this long side at least: vectors scale for free, and models see small icons better. */
const MIN_SVG_SIDE = 1024;

const UNIT_TO_PX: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  em: 16,
  rem: 16,
};

function attribute(root: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`, 'i').exec(root)?.[2];
}

function length(value: string | undefined): number | undefined {
  const match = /^\s*([\d.]+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  const factor = UNIT_TO_PX[match?.[2]?.toLowerCase() ?? 'x'];
  const px = Number(match?.[1]) * (factor ?? Number.NaN);
  return Number.isFinite(px) && px > 0 ? px : undefined;
}

/**
 * The size an SVG declares on its root element (absolute width/height, else the viewBox),
 * or undefined when it declares none. Percentages and missing values fall back to the viewBox.
 */
export function svgIntrinsicSize(text: string): Dimensions | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const width = length(attribute(root, 'width'));
  const height = length(attribute(root, 'height'));
  const box = (attribute(root, 'viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const boxWidth = box.length === 4 && (box[2] ?? 0) > 0 ? (box[2] as number) : undefined;
  const boxHeight = box.length === 4 && (box[3] ?? 0) > 0 ? (box[3] as number) : undefined;
  if (width && height) return { width, height };
  if (boxWidth && boxHeight) {
    if (width) return { width, height: (width * boxHeight) / boxWidth };
    if (height) return { width: (height * boxWidth) / boxHeight, height };
    return { width: boxWidth, height: boxHeight };
  }
  return undefined;
}

/** The pixel size to draw an SVG at: its own aspect ratio, long side between 1024 and `maxSide`. */
export function svgRasterSize(text: string, maxSide: number): Dimensions {
  const size = svgIntrinsicSize(text) ?? { width: MIN_SVG_SIDE, height: MIN_SVG_SIDE };
  const long = Math.max(size.width, size.height);
  const target = Math.min(maxSide, Math.max(long, MIN_SVG_SIDE));
  const scale = target / long;
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
