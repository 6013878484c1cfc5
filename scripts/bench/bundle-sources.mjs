// Which source files make up a built bundle: bytes of minified output attributed to each
// original source through the bundle's source map (build with `build.sourcemap: true`).
// Usage: node scripts/bench/bundle-sources.mjs path/to/bundle.js [top=25]
import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';

/**
 * Bytes of `file` per original source file, biggest first.
 * @param {string} file a built .js with its .js.map next to it
 * @returns {[string, number][]}
 */
export function bytesPerSource(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const totals = new Map();
  const add = (/** @type {string} */ key, /** @type {number} */ n) =>
    totals.set(key, (totals.get(key) ?? 0) + n);
  decode(map.mappings).forEach((segments, lineNo) => {
    const line = lines[lineNo] ?? '';
    let covered = 0;
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? map.sources[segment[1]] : '(unmapped)';
      add(source, end - segment[0]);
      covered += end - segment[0];
    });
    add('(unmapped)', Math.max(0, Buffer.byteLength(line) - covered));
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top = '25'] = process.argv.slice(2);
  for (const [source, bytes] of bytesPerSource(file).slice(0, Number(top)))
    console.log(String(bytes).padStart(8), source.replace(/^(\.\.\/)+/, ''));
}
