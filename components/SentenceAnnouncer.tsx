import { useEffect, useRef, useState } from 'preact/hooks';
import { nextSentences } from './sentences';

export interface SentenceAnnouncerProps {
  /** The text so far (it grows while streaming). */
  text: string;
  /** True once no more text will come: the last, unfinished sentence is spoken too. */
  final: boolean;
}

/**
 * A visually hidden polite live region that receives the streamed answer a sentence at a
 * time. The visible answer is not live, so screen readers are not flooded per token.
 */
export function SentenceAnnouncer({ text, final }: SentenceAnnouncerProps) {
  const announced = useRef(0);
  const [spoken, setSpoken] = useState('');

  useEffect(() => {
    if (text.length < announced.current) announced.current = 0; // a new job (retry)
    const { speak, upTo } = nextSentences(text, announced.current, final);
    announced.current = upTo;
    if (speak) setSpoken(speak);
  }, [text, final]);

  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {spoken}
    </div>
  );
}
