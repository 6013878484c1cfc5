import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { selectRegion } from '../utils/page/region-overlay';
import { exposeInPage } from '../utils/page/run-in-page';

/** Injected on demand (utils/capture.ts): the "Capture a region" overlay. */
export default defineUnlistedScript(() => {
  exposeInPage<'/page-region.js'>({ selectRegion });
});
