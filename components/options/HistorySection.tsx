import { useEffect, useState } from 'preact/hooks';
import {
  clearHistory,
  deleteHistoryEntry,
  type HistoryEntry,
  historyItem,
  searchHistory,
  totalSpend,
} from '../../utils/history';
import { t } from '../../utils/i18n';
import { formatCost } from '../JobView';
import { Markdown } from '../Markdown';

/** The last jobs: searchable, each deletable, clear all, and what they cost together. */
export function HistorySection() {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    void historyItem.getValue().then(setEntries);
    return historyItem.watch(setEntries);
  }, []);
  if (!entries) return null;
  const shown = searchHistory(entries, query);

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <p>
        {t(entries.length === 1 ? 'historySummaryOne' : 'historySummaryMany', [
          entries.length,
          formatCost(totalSpend(entries)),
        ])}
      </p>
      <div class="row">
        <input
          type="search"
          aria-label={t('historySearch')}
          placeholder={t('historySearch')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button
          type="button"
          class="secondary"
          disabled={entries.length === 0}
          onClick={() => void clearHistory()}
        >
          {t('historyClear')}
        </button>
      </div>
      <ul class="history" aria-label={t('historyPast')}>
        {shown.map((entry) => {
          const when = new Date(entry.time).toLocaleString();
          return (
            <li key={entry.id}>
              <article aria-label={t('historyAnswerFrom', when)}>
                {entry.thumbnail && <img class="thumb" src={entry.thumbnail} alt="" />}
                <p class="question">{entry.question}</p>
                {/* Model output, as the popup shows it: the same untrusted-text renderer. */}
                <div class="answer">
                  <Markdown text={entry.answer} />
                </div>
                <p class="meta">
                  {entry.model}
                  {entry.cost !== undefined && ` · ${formatCost(entry.cost)}`} · <time>{when}</time>
                  {webPage(entry.pageUrl) && (
                    <>
                      {' · '}
                      <a href={entry.pageUrl} target="_blank" rel="noopener noreferrer">
                        {webPage(entry.pageUrl)}
                      </a>
                    </>
                  )}
                </p>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('historyDeleteFrom', when)}
                  onClick={() => void deleteHistoryEntry(entry.id)}
                >
                  {t('delete')}
                </button>
              </article>
            </li>
          );
        })}
      </ul>
      {entries.length > 0 && shown.length === 0 && <p>{t('historyNoMatch', query)}</p>}
    </section>
  );
}

/**
 * The host of an http(s) page address, else undefined: a stored address that is not a web
 * page (javascript:, data:, not a URL at all) gets no link, and cannot break the list.
 */
function webPage(pageUrl: string | undefined): string | undefined {
  if (!pageUrl || !URL.canParse(pageUrl)) return undefined;
  const url = new URL(pageUrl);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname : undefined;
}
