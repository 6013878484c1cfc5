import { useState } from 'preact/hooks';
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
    setNote('Exported. API keys are never part of the file.');
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    const result = await importSettings(await file.text());
    if (!result.ok) {
      setNote('That file is not an Iris settings export.');
      return;
    }
    setNote(
      `Imported ${result.applied.length} settings${
        result.skipped.length ? `; skipped ${result.skipped.join(', ')}` : ''
      }.`,
    );
    onImported();
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up settings</h2>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void download()}>
          Export settings
        </button>
        <label class="button secondary">
          Import settings
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
