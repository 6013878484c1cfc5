// The benchmark's own site: one page with the images of the overhead section, served with
// the headers of an image CDN, and a log of every request with its arrival time (Date.now()).
import { createServer } from 'node:http';
import { noisyJpeg, quadrantJpeg, quadrantPng, quadrantSvg } from '../../tests/fixtures/images.mjs';

/** name → [content type, bytes], made once at start (the 12 MP encode takes a few seconds). */
export function benchImages() {
  return {
    // A camera-like photo: 12 MP with noise, so it compresses like a real one.
    'photo-12mp.jpg': ['image/jpeg', noisyJpeg(4000, 3000, 90)],
    // A 4K screenshot: flat colours, as PNG.
    'screenshot-4k.png': ['image/png', quadrantPng(3840, 2160)],
    'drawing.svg': ['image/svg+xml', Buffer.from(quadrantSvg(400, 300))],
    'small.jpg': ['image/jpeg', quadrantJpeg(640, 480)],
  };
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iris bench</title>
<style>body{margin:1rem;font:16px system-ui}img{width:240px;height:160px;margin:4px}</style>
</head><body><h1>Iris benchmark</h1>
<img id="photo" src="/img/photo-12mp.jpg" alt="">
<img id="screenshot" src="/img/screenshot-4k.png" alt="">
<img id="svg" src="/img/drawing.svg" alt="">
<img id="small" src="/img/small.jpg" alt="">
</body></html>`;

// A 4K screenshot filling the view (1920 CSS px at device pixel ratio 2), for the region capture.
const REGION_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iris bench: region</title>
<style>body{margin:0}img{display:block;width:1920px;height:1080px}</style>
</head><body><img id="screen" src="/img/screenshot-4k.png" alt="A 4K screenshot"></body></html>`;

export async function startBenchServer() {
  const images = benchImages();
  /** @type {{method: string, path: string, at: number}[]} */
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    requests.push({ method: req.method ?? 'GET', path, at: Date.now() });
    const image = images[/** @type {keyof typeof images} */ (path.replace('/img/', ''))];
    if (image) {
      res.writeHead(200, {
        'Content-Type': image[0],
        'Content-Length': image[1].length,
        'Cache-Control': 'public, max-age=86400',
        'Access-Control-Allow-Origin': '*',
        'Timing-Allow-Origin': '*',
      });
      res.end(req.method === 'HEAD' ? undefined : image[1]);
      return;
    }
    if (path === '/' || path === '/bench.html' || path === '/region.html') {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(path === '/region.html' ? REGION_PAGE : PAGE);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    images,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r(undefined));
      }),
  };
}
