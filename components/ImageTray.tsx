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
      <ul class="tray-list" aria-label={`Images in this question (${images.length})`}>
        {images.map((image, i) => (
          <li key={`${image.source.srcUrl}-${i}`} class="tray-item">
            {image.thumbnail ? (
              <img
                class="thumb"
                src={image.thumbnail}
                alt={many ? `Picture ${i + 1}` : 'What you asked about'}
              />
            ) : (
              <div
                class="thumb placeholder"
                role="img"
                aria-label={many ? `Picture ${i + 1}, loading` : 'Loading preview'}
              />
            )}
            {onRemove && (
              <button
                type="button"
                class="remove"
                aria-label={`Remove picture ${i + 1}`}
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
          Clear all
        </button>
      )}
    </div>
  );
}
