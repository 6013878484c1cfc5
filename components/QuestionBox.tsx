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
  /** Sends; resolves truthy once the question was taken (its kept words are then forgotten). */
  onSend: (question: string) => Promise<unknown> | undefined;
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
    if (!question.trim() || disabled) return;
    // Forgotten once the question is taken, not before: a Send that does not get through
    // leaves the words for the box shown again. (A follow-up that got an empty answer has the
    // same key as the box it was sent from.)
    void onSend(question.trim())?.then(async (taken) => {
      if (!taken || !draftKey) return;
      const kept = await questionDraftItem.getValue();
      if (kept?.key === draftKey) await questionDraftItem.removeValue();
    });
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
