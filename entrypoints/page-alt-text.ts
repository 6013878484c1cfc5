import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  applyAltInPage,
  findFocusedImageInPage,
  showCapNoticeInPage,
  undoAltTextInPage,
} from '../utils/page/alt-text-page';
import { exposeInPage } from '../utils/page/run-in-page';

/** Injected on demand (utils/alt-text/): writing, finding and undoing alt text in a page. */
export default defineUnlistedScript(() => {
  exposeInPage<'/page-alt-text.js'>({
    applyAltInPage,
    findFocusedImageInPage,
    showCapNoticeInPage,
    undoAltTextInPage,
  });
});
