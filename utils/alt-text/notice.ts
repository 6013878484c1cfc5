import { t } from '../i18n';

/**
 * The in-page notice shown when a cap stops auto mode: small, bottom corner, in a shadow
 * root so the page's CSS cannot break it and it cannot break the page; a polite status so
 * screen readers announce it without interrupting. Styled through CSSOM (not a <style>
 * element), which page CSPs do not block.
 */
export function showCapNotice(doc: Document, message: string): HTMLElement {
  for (const old of doc.querySelectorAll('[data-iris-notice]')) old.remove();
  const host = doc.createElement('div');
  host.setAttribute('data-iris-notice', '');
  Object.assign(host.style, {
    position: 'fixed',
    right: '12px',
    bottom: '12px',
    zIndex: '2147483647',
  });
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  Object.assign(box.style, {
    font: '14px/1.4 system-ui, sans-serif',
    background: '#1c1c21',
    color: '#ffffff',
    padding: '8px 12px',
    borderRadius: '8px',
    maxWidth: '320px',
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
  });
  const text = doc.createElement('p');
  text.style.margin = '0';
  box.append(text);
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = t('dismiss');
  close.setAttribute('aria-label', t('dismissNotice'));
  Object.assign(close.style, {
    font: 'inherit',
    background: '#ffffff',
    color: '#1c1c21',
    border: '0',
    borderRadius: '6px',
    padding: '2px 8px',
    cursor: 'pointer',
  });
  close.addEventListener('click', () => host.remove());
  box.append(close);
  root.append(box);
  doc.body.append(host);
  // Filled after insertion, so the live region announces it.
  setTimeout(() => {
    text.textContent = message;
  }, 50);
  return host;
}

/** The notice's sentence for a cap. */
export function capMessage(scope: 'page' | 'day', capUsd: number): string {
  const amount = `$${capUsd.toFixed(capUsd < 0.1 ? 3 : 2)}`;
  return scope === 'page' ? t('capNoticePage', amount) : t('capNoticeDay', amount);
}
