import remapping from '@jridgewell/remapping';
import preact from '@preact/preset-vite';
import { minify } from '@swc/core';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { SUGGESTED_KEYS } from './utils/shortcuts';

/**
 * A second minifier pass, with SWC, over every chunk esbuild has minified: SWC's compressor
 * (three passes) takes a further ~4 % off, which the service worker's 60 KB budget needs.
 * Same ES2022 output; ASCII only, as WXT asks of esbuild (a content script must read the
 * same whatever the page's charset); licence comments kept. A chunk's source map, when the
 * build makes one, is carried through.
 */
function swcMinify(): Plugin {
  return {
    name: 'iris:swc-minify',
    apply: 'build',
    async generateBundle(output, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Rollup has already put the source map's address at the end, and the map beside it.
        const mapUrl = /\n\/\/# sourceMappingURL=\S+\s*$/.exec(chunk.code)?.[0] ?? '';
        const result = await minify(chunk.code, {
          compress: { passes: 3, ecma: 2022 },
          mangle: true,
          ecma: 2022,
          module: output.format === 'es',
          sourceMap: !!chunk.map,
          format: { asciiOnly: true, comments: 'some' },
        });
        chunk.code = result.code + mapUrl;
        // The new map points into esbuild's output: compose it with esbuild's own map.
        const mapFile = bundle[`${chunk.fileName}.map`];
        if (chunk.map && result.map) {
          const composed = remapping([result.map, JSON.stringify(chunk.map)], () => null);
          Object.assign(chunk.map, JSON.parse(composed.toString()));
          if (mapFile?.type === 'asset') mapFile.source = composed.toString();
        }
      }
    },
  };
}

const keysFor = (browser: string) =>
  browser === 'firefox' ? SUGGESTED_KEYS.firefox : SUGGESTED_KEYS.chrome;

// Per-browser differences live here and in `import.meta.env` only (STYLE.md habit 8).
export default defineConfig({
  // The fixed stack: browser APIs through webextension-polyfill (promises everywhere).
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // `wxt dev` builds the background and page scripts with vite.build too, unminified with
  // inline source maps: the second minifier pass is for production builds only.
  vite: (env) => ({
    plugins: [preact(), ...(env.mode === 'production' ? [swcMinify()] : [])],
  }),
  manifest: ({ browser }) => ({
    // Texts from public/_locales (English and German so far).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'contextMenus',
      'storage',
      'activeTab',
      'scripting',
      'clipboardWrite',
      // Firefox grants identity (OAuth sign-in) without a prompt and refuses it as optional.
      ...(browser === 'firefox' ? ['identity'] : []),
      // Chrome's service worker has no DOM: an offscreen document draws SVG images.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: origins go in optional_permissions.
          optional_permissions: ['<all_urls>'],
          browser_specific_settings: {
            gecko: {
              id: 'iris@iris-extension.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Requested at the moment of need only (never at install): lets the background
          // fetch images that the page itself cannot hand over.
          optional_host_permissions: ['<all_urls>'],
          // "Connect with OpenRouter" (OAuth PKCE): asked for on that click only.
          optional_permissions: ['identity'],
          minimum_chrome_version: '127',
        }),
    action: { default_title: '__MSG_extName__' },
    // Per-browser keys and why: utils/shortcuts.ts.
    commands: {
      // Opens Iris's popup from the keyboard (and grants activeTab, as a click on the button).
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: keysFor(browser).popup },
      },
      'capture-region': {
        suggested_key: { default: keysFor(browser).capture },
        description: '__MSG_commandCaptureRegion__',
      },
      'describe-focused-image': {
        suggested_key: { default: keysFor(browser).describe },
        description: '__MSG_commandDescribeFocused__',
      },
      'alt-text-page': {
        suggested_key: { default: keysFor(browser).altText },
        description: '__MSG_commandAltTextPage__',
      },
    },
  }),
});
