import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';

interface QuestionBoxProps {
  label: string;
  initial?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Takes the focus when shown (the draft's question; not a follow-up under an answer). */
  autoFocus?: boolean;
  onSend: (question: string) => void;
}

/** A question and its Send button. Enter sends; Shift+Enter starts a new line. */
export function QuestionBox({
  label,
  initial = '',
  placeholder,
  disabled,
  autoFocus,
  onSend,
}: QuestionBoxProps) {
  const [question, setQuestion] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  const send = (event?: Event) => {
    event?.preventDefault();
    if (question.trim() && !disabled) onSend(question.trim());
  };
  return (
    <form class="question" onSubmit={send}>
      <label for="question">{label}</label>
      <textarea
        id="question"
        ref={field}
        rows={2}
        value={question}
        placeholder={placeholder}
        onInput={(event) => setQuestion(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) send(event);
        }}
      />
      <button type="submit" disabled={disabled || !question.trim()}>
        {t('send')}
      </button>
    </form>
  );
}
