import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fetchImageInPage } from '../utils/page/fetch-in-page';
import { dropHeldImageInPage, readHeldImageInPage } from '../utils/page/held-image';
import { inspectTargetInPage } from '../utils/page/inspect-target';
import { findFrameOffsetInPage, locateElementInPage } from '../utils/page/locate-element';
import { exposeInPage } from '../utils/page/run-in-page';

/** Injected on demand (utils/image/): reading an image's bytes or its box on screen. */
export default defineUnlistedScript(() => {
  exposeInPage<'/page-image.js'>({
    inspectTargetInPage,
    fetchImageInPage,
    readHeldImageInPage,
    dropHeldImageInPage,
    locateElementInPage,
    findFrameOffsetInPage,
  });
});
