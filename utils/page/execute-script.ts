import { browser } from 'wxt/browser';
import type { Inject } from './run-in-page';

/** `browser.scripting.executeScript`, looked up at each call (tests replace it underneath). */
export const executeScript: Inject = (injection) => browser.scripting.executeScript(injection);
