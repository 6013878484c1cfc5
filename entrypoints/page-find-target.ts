import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { takeLastContextTarget } from '../utils/page/context-target';
import { pickElementInPage, rememberTargetInPage } from '../utils/page/pick-element';
import { rememberMediaInPage, rememberUnnamedImageInPage } from '../utils/page/remember-media';
import { exposeInPage } from '../utils/page/run-in-page';

/** Injected on demand (utils/find-target.ts): finding the element a menu click meant. */
export default defineUnlistedScript(() => {
  exposeInPage<'/page-find-target.js'>({
    pickElementInPage,
    rememberTargetInPage,
    rememberMediaInPage,
    rememberUnnamedImageInPage,
    takeLastContextTarget,
  });
});
