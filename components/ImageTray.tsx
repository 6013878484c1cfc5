import { t } from '../utils/i18n';
import type { JobImage } from '../utils/jobs/types';

interface ImageTrayProps {
  images: JobImage[];
  /** Given in a draft: each image can be removed, or all cleared. */
  onRemove?: (index?: number) => void;
}

/** The images a question is about, as thumbnails. */
export function ImageTray({ images, onRemove }: ImageTrayProps) {
  if (images.length === 0) return null;
  const many = images.length > 1;
  return (
    <div class="tray">
      <ul class="tray-list" aria-label={t('imagesInQuestion', images.length)}>
        {images.map((image, i) => (
          <li key={`${image.source.srcUrl}-${i}`} class="tray-item">
            {image.thumbnail ? (
              <img
                class="thumb"
                src={image.thumbnail}
                alt={many ? t('pictureNumber', i + 1) : t('pictureAskedAbout')}
              />
            ) : (
              <div
                class="thumb placeholder"
                role="img"
                aria-label={many ? t('pictureNumberLoading', i + 1) : t('previewLoading')}
              />
            )}
            {onRemove && (
              <button
                type="button"
                class="remove"
                aria-label={t('removePicture', i + 1)}
                onClick={() => onRemove(i)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {onRemove && many && (
        <button type="button" class="secondary" onClick={() => onRemove()}>
          {t('clearAll')}
        </button>
      )}
    </div>
  );
}
