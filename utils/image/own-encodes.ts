/**
 * Bytes Iris itself just encoded with the browser's own encoder (a photo shrunk in the
 * page): they need no trial decode to prove they are intact. Held weakly, per byte array.
 */
const ownEncodes = new WeakSet<Uint8Array>();

export function markOwnEncode(bytes: Uint8Array): Uint8Array {
  ownEncodes.add(bytes);
  return bytes;
}

export function isOwnEncode(bytes: Uint8Array): boolean {
  return ownEncodes.has(bytes);
}
