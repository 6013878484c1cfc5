import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { exportSettings, importSettings } from '../../utils/settings-backup';

/** Export settings to a JSON file (never a key) and import them back. */
export function BackupSection({ onImported }: { onImported: () => void }) {
  const [note, setNote] = useState('');

  const download = async () => {
    const url = URL.createObjectURL(
      new Blob([await exportSettings()], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'iris-settings.json';
    link.click();
    URL.revokeObjectURL(url);
    setNote(t('backupExported'));
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    const result = await importSettings(await file.text());
    if (!result.ok) {
      setNote(t('backupNotExport'));
      return;
    }
    setNote(
      result.skipped.length
        ? t('backupImportedSkipped', [result.applied.length, result.skipped.join(', ')])
        : t('backupImported', result.applied.length),
    );
    onImported();
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void download()}>
          {t('exportSettings')}
        </button>
        <label class="button secondary">
          {t('importSettings')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void load(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      <p aria-live="polite">{note}</p>
    </section>
  );
}
