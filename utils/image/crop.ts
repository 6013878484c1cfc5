import type { RegionSelection } from '../page/region-overlay';

export interface CropBox {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/**
 * Maps a selection in CSS pixels of the viewport onto the captured bitmap. The scale is
 * read from the bitmap itself (its width over the viewport's CSS width), which folds in
 * the device pixel ratio and the page zoom, whatever they are. The selection is relative
 * to the viewport, so scrolling needs no correction.
 */
export function cropBox(
  selection: RegionSelection,
  bitmapWidth: number,
  bitmapHeight: number,
): CropBox {
  const scale = bitmapWidth / selection.viewportWidth;
  const sx = Math.max(0, Math.round(selection.x * scale));
  const sy = Math.max(0, Math.round(selection.y * scale));
  const right = Math.min(bitmapWidth, Math.round((selection.x + selection.width) * scale));
  const bottom = Math.min(bitmapHeight, Math.round((selection.y + selection.height) * scale));
  return { sx, sy, sw: Math.max(1, right - sx), sh: Math.max(1, bottom - sy) };
}
