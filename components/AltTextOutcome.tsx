import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { Job } from '../utils/jobs/types';
import { altTextCopySetting } from '../utils/settings';

export interface AltTextOutcomeProps {
  job: Job;
  copy?: (text: string) => Promise<void>;
}

/**
 * What "Generate alt text" did: the alt written onto the image, announced; and copied to
 * the clipboard when the user enabled that (the popup can write to the clipboard, the
 * service worker cannot).
 */
export function AltTextOutcome({ job, copy }: AltTextOutcomeProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const alt = job.altText;

  useEffect(() => {
    if (!alt?.text) return;
    let cancelled = false;
    void altTextCopySetting.getValue().then(async (enabled) => {
      if (!enabled || cancelled) return;
      try {
        await (copy ?? ((text: string) => navigator.clipboard.writeText(text)))(alt.text);
        if (!cancelled) setCopied(true);
      } catch (error) {
        console.warn('Iris: alt text not copied', error);
        if (!cancelled) setCopied(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [alt?.text, copy]);

  if (!alt) return null;
  return (
    <p class="alt-outcome" role="status">
      {alt.written ? t('altWritten', alt.text) : t('altNotFound', alt.text)}
      {copied === true && ` ${t('altCopied')}`}
      {copied === false && ` ${t('altNotCopied')}`}
    </p>
  );
}
