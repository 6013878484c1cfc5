import { t } from '../i18n';
import type { CapNoticeTexts } from '../page/alt-text-page';

/** The in-page notice's texts for a cap that stopped auto mode. */
export function capNoticeTexts(scope: 'page' | 'day', capUsd: number): CapNoticeTexts {
  const amount = `$${capUsd.toFixed(capUsd < 0.1 ? 3 : 2)}`;
  return {
    message: scope === 'page' ? t('capNoticePage', amount) : t('capNoticeDay', amount),
    dismiss: t('dismiss'),
    dismissLabel: t('dismissNotice'),
  };
}
