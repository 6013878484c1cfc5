import { browser } from 'wxt/browser';
import type { StartRequest } from '../jobs/run-job';
import type { ImageSource, Job } from '../jobs/types';
import { logFailure } from '../log';
import { executeScript } from '../page/execute-script';
import { runInPage } from '../page/run-in-page';
import { altTextMaxLengthSetting } from '../settings';
import { cleanAltText } from './clean';
import { ALT_SYSTEM_PROMPT, altTextPrompt } from './prompt';

export const GENERATE_ALT_MENU_ID = 'iris-generate-alt';

/** The job for "Generate alt text": the alt prompt in the browser's UI language. */
export async function altTextJobRequest(source: ImageSource): Promise<StartRequest> {
  const maxLength = await altTextMaxLengthSetting.getValue();
  return {
    source,
    task: 'alt-text',
    prompt: altTextPrompt(browser.i18n.getUILanguage(), maxLength),
    system: ALT_SYSTEM_PROMPT,
  };
}

/**
 * The runner's onDone hook for alt-text jobs: cleans the answer up and writes it on the
 * clicked <img>, in the clicked frame only. The popup announces (and copies) the result.
 */
export async function finishAltTextJob(job: Job): Promise<Partial<Job> | undefined> {
  if (job.task !== 'alt-text') return undefined;
  const text = cleanAltText(job.text, await altTextMaxLengthSetting.getValue());
  const source = job.images[0]?.source;
  if (!source) return undefined;
  const { tabId, frameId, srcUrl, targetId, targetElementId } = source;
  if (!text || !(srcUrl || targetId) || tabId === undefined || tabId < 0) {
    return { altText: { text, written: false } };
  }
  try {
    const [injection] = await runInPage(executeScript, {
      target: { tabId, frameIds: [frameId ?? 0] },
      file: '/page-alt-text.js',
      name: 'applyAltInPage',
      args: [srcUrl ?? null, text, targetElementId ?? null, targetId ?? null],
    });
    return { altText: { text, written: injection?.result === true } };
  } catch (error) {
    logFailure('could not write the alt text into the page')(error);
    return { altText: { text, written: false } };
  }
}
