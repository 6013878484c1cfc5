import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { questionDraftItem } from '../utils/question-draft';

interface QuestionBoxProps {
  label: string;
  initial?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Takes the focus when shown (the draft's question; not a follow-up under an answer). */
  autoFocus?: boolean;
  /** Keeps what is typed, unsent, across the popup closing (utils/question-draft.ts). */
  draftKey?: string;
  onSend: (question: string) => void;
}

/** A question and its Send button. Enter sends; Shift+Enter starts a new line. */
export function QuestionBox({
  label,
  initial = '',
  placeholder,
  disabled,
  autoFocus,
  draftKey,
  onSend,
}: QuestionBoxProps) {
  const [question, setQuestion] = useState(initial);
  const typed = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (!draftKey) return;
    void questionDraftItem.getValue().then((draft) => {
      // Words typed before the read came back win over the stored ones.
      if (draft?.key === draftKey && !typed.current) setQuestion(draft.text);
    });
  }, [draftKey]);
  const edit = (text: string) => {
    typed.current = true;
    setQuestion(text);
    // Written at each change: a closing popup gets no chance to save later.
    if (draftKey) void questionDraftItem.setValue({ key: draftKey, text });
  };
  const send = (event?: Event) => {
    event?.preventDefault();
    // The kept words stay until the job moves on (its next question has its own key): a
    // Send that does not get through leaves them for the box shown again.
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
        onInput={(event) => edit(event.currentTarget.value)}
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
