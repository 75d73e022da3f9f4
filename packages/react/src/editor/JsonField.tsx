import { useState } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link JsonField}. */
export interface JsonFieldProps {
  id: string;
  value: unknown;
  required: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid: boolean;
  /** Told the parsed value each time the text is valid JSON (`undefined` when emptied). */
  onChange: (value: unknown) => void;
}

function format(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? '';
}

/**
 * A textarea edited as JSON: valid text updates the value, invalid text stays in the box with
 * its parse error under it (the value keeps its last valid state).
 */
export function JsonField({
  id,
  value,
  required,
  placeholder,
  describedBy,
  invalid,
  onChange,
}: JsonFieldProps) {
  const words = useMessages('parameters', enCanvas.parameters);
  const [text, setText] = useState(() => format(value));
  const [parseError, setParseError] = useState<string | undefined>(undefined);
  const errorId = `${id}-json-error`;
  return (
    <>
      <textarea
        id={id}
        value={text}
        required={required}
        placeholder={placeholder ?? '{ }'}
        spellCheck={false}
        aria-invalid={invalid || parseError !== undefined}
        aria-describedby={
          [describedBy, parseError ? errorId : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === '') {
            setParseError(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setParseError(undefined);
            onChange(parsed);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      {parseError ? (
        <p id={errorId} className="flowloom-field__error" role="alert">
          {words.invalidJson(parseError)}
        </p>
      ) : null}
    </>
  );
}
