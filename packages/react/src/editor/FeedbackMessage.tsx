import type { EditorFeedback } from './editorFeedback';

/** Props of {@link FeedbackMessage}. */
export interface FeedbackMessageProps {
  feedback: EditorFeedback | undefined;
}

/** The toolbar's message: errors are announced as alerts, the rest as status. */
export function FeedbackMessage({ feedback }: FeedbackMessageProps) {
  if (!feedback) return null;
  return (
    <div
      className={`flowloom-message flowloom-message--${feedback.kind}`}
      role={feedback.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{feedback.text}</span>
      {feedback.details?.length ? (
        <ul>
          {feedback.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
