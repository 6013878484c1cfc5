import type { Page } from 'playwright-core';
import { closeColour, QUADRANT_COLOURS } from '../fixtures/images.mjs';
import type { MockServer } from './harness';

type Part = { type: string; text?: string; image_url?: { url: string } };
type Body = { messages: { role: string; content: string | Part[] }[] };

/** The image URL of the user message of a recorded chat request (a URL or a data URL). */
export function sentImageUrl(body: unknown): string {
  const message = (body as Body).messages.find((m) => m.role === 'user');
  if (!message || typeof message.content === 'string')
    throw new Error('no user message with parts');
  const [text, image] = message.content;
  if (text?.type !== 'text' || image?.type !== 'image_url')
    throw new Error('expected text, then image');
  return image.image_url?.url ?? '';
}

/** The image of the next chat request the mock receives. */
export async function nextSentImage(mock: MockServer): Promise<string> {
  const request = await mock.waitForRequest({
    path: '/api/v1/chat/completions',
    timeoutMs: 15_000,
  });
  if (!request.validation.ok) throw new Error(request.validation.issues.join('; '));
  return sentImageUrl(request.body);
}

export interface SentImage {
  mime: string;
  width: number;
  height: number;
  base64Length: number;
  /** Quadrants whose centre colour is wrong (empty when the picture is right). */
  wrongQuadrants: string[];
}

/**
 * Decodes a data URL in the browser — any format Chromium reads (PNG, JPEG, GIF, WebP) —
 * and checks the four quadrant colours of the fixture pictures.
 */
export async function decodeSent(page: Page, dataUrl: string): Promise<SentImage> {
  const match = /^data:(image\/[a-z+]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error(`not a base64 image data URL: ${dataUrl.slice(0, 60)}`);
  const decoded = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const { naturalWidth: w, naturalHeight: h } = image;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const at = (x: number, y: number) =>
      Array.from(context.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3));
    return {
      width: w,
      height: h,
      probes: {
        topLeft: at(w / 4, h / 4),
        topRight: at((3 * w) / 4, h / 4),
        bottomLeft: at(w / 4, (3 * h) / 4),
        bottomRight: at((3 * w) / 4, (3 * h) / 4),
      },
    };
  }, dataUrl);
  const wrongQuadrants = Object.entries(decoded.probes)
    .filter(
      ([name, colour]) =>
        !closeColour(colour, QUADRANT_COLOURS[name as keyof typeof QUADRANT_COLOURS]),
    )
    .map(([name, colour]) => `${name}=${colour.join(',')}`);
  return {
    mime: match[1] as string,
    width: decoded.width,
    height: decoded.height,
    base64Length: (match[2] as string).length,
    wrongQuadrants,
  };
}

/** What every image sent as bytes must be: an accepted type, the right picture, within limits. */
export function expectFit(image: SentImage): string[] {
  const problems: string[] = [];
  if (!['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(image.mime))
    problems.push(`type ${image.mime}`);
  if (Math.max(image.width, image.height) > 2048)
    problems.push(`long side ${image.width}×${image.height}`);
  if (image.base64Length > 5_000_000) problems.push(`base64 ${image.base64Length}`);
  problems.push(...image.wrongQuadrants);
  return problems;
}
