/**
 * Counts the frames of a GIF by walking its blocks (no decoding), up to `limit`. An
 * animated GIF has more than one; a truncated file counts what it holds.
 */
export function countGifFrames(bytes: Uint8Array, limit = 2): number {
  let at = 13 + colourTableSize(bytes[10] ?? 0);
  let frames = 0;
  while (at < bytes.length && frames < limit) {
    const block = bytes[at];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      at = skipSubBlocks(bytes, at + 2); // extension: introducer, label, sub-blocks
    } else if (block === 0x2c) {
      frames++;
      // Descriptor (10 bytes with the introducer), local colour table, LZW code size, data.
      at = skipSubBlocks(bytes, at + 10 + colourTableSize(bytes[at + 9] ?? 0) + 1);
    } else {
      break; // not a GIF block: damaged
    }
  }
  return frames;
}

export function isAnimatedGif(bytes: Uint8Array): boolean {
  return countGifFrames(bytes, 2) > 1;
}

function colourTableSize(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

function skipSubBlocks(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length) {
    const size = bytes[at] ?? 0;
    at += 1 + size;
    if (size === 0) break;
  }
  return at;
}
