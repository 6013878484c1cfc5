import { callOffscreen } from '../offscreen/client';
import { rasterizeSvgInDocument } from './svg-raster';

/** Draws an SVG at width × height and answers a PNG data URL. */
export type SvgRasterizer = (svg: string, width: number, height: number) => Promise<string>;

/**
 * SVG needs a DOM: Firefox's background page has one; Chrome's service worker does not,
 * so there an offscreen document draws it.
 */
export const rasterizeSvg: SvgRasterizer = import.meta.env.FIREFOX
  ? rasterizeSvgInDocument
  : (svg, width, height) => callOffscreen('rasterizeSvg', { svg, width, height });
