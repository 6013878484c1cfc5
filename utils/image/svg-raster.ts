/**
 * Draws an SVG into a PNG with the DOM (an offscreen document on Chrome, the background
 * page on Firefox). The SVG is loaded as an image from a data: URL, where browsers run no
 * script and fetch no external resource, so a hostile SVG can do nothing but draw.
 * Resolves to a PNG data URL (a string crosses extension messaging; a Blob does not).
 */
export async function rasterizeSvgInDocument(
  svgText: string,
  width: number,
  height: number,
): Promise<string> {
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName.toLowerCase() !== 'svg' || parsed.querySelector('parsererror')) {
    throw new Error('the SVG is not well-formed');
  }
  // Draw at the size asked for: without a viewBox the drawing would not scale with it.
  const declaredWidth = Number.parseFloat(root.getAttribute('width') ?? '');
  const declaredHeight = Number.parseFloat(root.getAttribute('height') ?? '');
  if (!root.hasAttribute('viewBox') && declaredWidth > 0 && declaredHeight > 0) {
    root.setAttribute('viewBox', `0 0 ${declaredWidth} ${declaredHeight}`);
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(root);
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
