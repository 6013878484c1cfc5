/** Builds image headers byte by byte, so tests state exactly what a file starts with. */
export class Bytes {
  private readonly out: number[] = [];

  ascii(text: string): this {
    for (const c of text) this.out.push(c.charCodeAt(0));
    return this;
  }
  u8(...values: number[]): this {
    this.out.push(...values.map((v) => v & 0xff));
    return this;
  }
  u16be(v: number): this {
    return this.u8(v >> 8, v);
  }
  u16le(v: number): this {
    return this.u8(v, v >> 8);
  }
  u24le(v: number): this {
    return this.u8(v, v >> 8, v >> 16);
  }
  u32be(v: number): this {
    return this.u8(v >>> 24, v >>> 16, v >>> 8, v);
  }
  u32le(v: number): this {
    return this.u8(v, v >>> 8, v >>> 16, v >>> 24);
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.out.push(0);
    return this;
  }
  get length(): number {
    return this.out.length;
  }
  done(padTo = 0): Uint8Array {
    const bytes = new Uint8Array(Math.max(padTo, this.out.length));
    bytes.set(this.out);
    return bytes;
  }
}

export const pngHeader = (w: number, h: number) =>
  new Bytes()
    .u8(0x89)
    .ascii('PNG\r\n\x1a\n')
    .u32be(13)
    .ascii('IHDR')
    .u32be(w)
    .u32be(h)
    .u8(8, 6, 0, 0, 0)
    .u32be(0);

/** A JPEG whose frame header (SOFn) comes after APP0, a quantisation and a Huffman table. */
/** An EXIF APP1 block whose IFD0 holds one tag, Orientation; `little`: "II" byte order. */
export const exifApp1 = (orientation: number, little = false) => {
  const u16 = (b: Bytes, v: number) => (little ? b.u16le(v) : b.u16be(v));
  const u32 = (b: Bytes, v: number) => (little ? b.u32le(v) : b.u32be(v));
  const tiff = new Bytes().ascii(little ? 'II' : 'MM');
  u16(tiff, 42);
  u32(tiff, 8); // IFD0 right after the header
  u16(tiff, 1); // one entry
  u16(tiff, 0x0112);
  u16(tiff, 3); // SHORT
  u32(tiff, 1);
  u16(tiff, orientation);
  tiff.zeros(2);
  u32(tiff, 0); // no next IFD
  const body = tiff.done();
  return new Bytes()
    .u8(0xff, 0xe1)
    .u16be(2 + 6 + body.length)
    .ascii('Exif\0\0')
    .u8(...body)
    .done();
};

export const jpegHeader = (w: number, h: number, sof = 0xc0, app1?: Uint8Array) =>
  new Bytes()
    .u8(0xff, 0xd8)
    .u8(...(app1 ?? []))
    .u8(0xff, 0xe0)
    .u16be(16)
    .ascii('JFIF\0')
    .zeros(9)
    .u8(0xff, 0xdb)
    .u16be(67)
    .zeros(65)
    .u8(0xff, 0xc4) // DHT: in the SOF range but not a frame
    .u16be(4)
    .zeros(2)
    .u8(0xff, 0xff, sof) // a fill byte before the marker
    .u16be(17)
    .u8(8)
    .u16be(h)
    .u16be(w)
    .u8(3)
    .zeros(9);

export const gifHeader = (w: number, h: number) =>
  new Bytes().ascii('GIF89a').u16le(w).u16le(h).u8(0, 0, 0);

export const webpVp8 = (w: number, h: number) =>
  new Bytes()
    .ascii('RIFF')
    .u32le(0)
    .ascii('WEBPVP8 ')
    .u32le(0)
    .u8(0, 0, 0)
    .u8(0x9d, 0x01, 0x2a)
    .u16le(w)
    .u16le(h);

export const webpVp8l = (w: number, h: number) =>
  new Bytes()
    .ascii('RIFF')
    .u32le(0)
    .ascii('WEBPVP8L')
    .u32le(0)
    .u8(0x2f)
    .u32le(((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14));

export const webpVp8x = (w: number, h: number) =>
  new Bytes()
    .ascii('RIFF')
    .u32le(0)
    .ascii('WEBPVP8X')
    .u32le(10)
    .u8(0x10, 0, 0, 0)
    .u24le(w - 1)
    .u24le(h - 1);

export const bmpHeader = (w: number, h: number, headerSize = 40) => {
  const b = new Bytes().ascii('BM').u32le(0).u32le(0).u32le(54).u32le(headerSize);
  return headerSize === 12 ? b.u16le(w).u16le(h).zeros(4) : b.u32le(w).u32le(h).zeros(28);
};

export const icoFile = (entries: [number, number][]) => {
  const b = new Bytes().u16le(0).u16le(1).u16le(entries.length);
  for (const [w, h] of entries) b.u8(w, h, 0, 0).u16le(1).u16le(32).u32le(0).u32le(0);
  return b;
};

export const avifHeader = (w: number, h: number) =>
  new Bytes()
    .u32be(24)
    .ascii('ftypavif')
    .zeros(12)
    .u32be(20)
    .ascii('ispe')
    .u32be(0)
    .u32be(w)
    .u32be(h);

export const tiffHeader = (w: number, h: number, little: boolean) => {
  const b = new Bytes();
  const u16 = (v: number) => (little ? b.u16le(v) : b.u16be(v));
  const u32 = (v: number) => (little ? b.u32le(v) : b.u32be(v));
  b.ascii(little ? 'II' : 'MM');
  u16(42);
  u32(8);
  u16(2);
  u16(256);
  u16(3);
  u32(1);
  u16(w);
  u16(0);
  u16(257);
  u16(4);
  u32(1);
  u32(h);
  return b;
};
