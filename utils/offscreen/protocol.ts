import { IrisError, messageOf, type SerializedIrisError } from '../errors';

/**
 * What the background asks of the offscreen document (Chrome only): DOM work a service
 * worker cannot do. Separate from utils/messaging.ts because it runs the other way —
 * background → page — and only between Iris's own contexts.
 */
export interface OffscreenProtocol {
  /** Draws an SVG at width × height; answers a PNG data URL. */
  rasterizeSvg(data: { svg: string; width: number; height: number }): string;
}

export type OffscreenType = keyof OffscreenProtocol;
export type OffscreenData<K extends OffscreenType> = Parameters<OffscreenProtocol[K]>[0];
export type OffscreenResult<K extends OffscreenType> = ReturnType<OffscreenProtocol[K]>;

export interface OffscreenRequest {
  irisOffscreen: 1;
  type: OffscreenType;
  data: unknown;
}
export type OffscreenReply =
  | { ok: true; value: unknown }
  | { ok: false; error: SerializedIrisError };

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<OffscreenRequest>).irisOffscreen === 1 &&
    typeof (message as Partial<OffscreenRequest>).type === 'string'
  );
}

export function replyError(error: unknown): OffscreenReply {
  const iris = error instanceof IrisError ? error : new IrisError('internal', messageOf(error));
  return { ok: false, error: iris.toJSON() };
}
