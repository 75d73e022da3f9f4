import type { ComponentParameter } from '@flowloom/core';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import { CredentialPicker } from './CredentialPicker';
import { ExpressionInput } from './ExpressionInput';
import type { CompletionScope } from './expressions/completionScope';
import { JsonField } from './JsonField';

/** Props of {@link ParameterInput}. */
export interface ParameterInputProps {
  id: string;
  parameter: ComponentParameter;
  value: unknown;
  invalid: boolean;
  describedBy?: string;
  onChange: (value: unknown) => void;
  /** The label's id: names the expression editor that text fields become. */
  labelId?: string;
  /**
   * What expression completion offers; with it, text fields become expression editors
   * (CodeMirror, loaded on first focus), without it they stay plain.
   */
  getScope?: () => CompletionScope;
}

const EXPRESSION = /\{\{[\s\S]*\}\}/;

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The input for one parameter type: text, textarea, number (with its bounds), checkbox, select,
 * JSON, a credential picker (secret) or expression text. A `{{ ... }}` value of a non-text parameter is
 * edited as text, so an expression from a loaded workflow is never lost.
 */
export function ParameterInput({
  id,
  parameter,
  value,
  invalid,
  describedBy,
  onChange,
  labelId,
  getScope,
}: ParameterInputProps) {
  const text = useMessages('parameters', enCanvas.parameters);
  const common = {
    id,
    required: parameter.required,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    placeholder: parameter.placeholder,
  };
  const textChange = (text: string) => onChange(text === '' ? undefined : text);
  const holdsExpression = typeof value === 'string' && EXPRESSION.test(value);

  const expressionInput = (multiline: boolean) =>
    getScope && labelId ? (
      <ExpressionInput
        id={id}
        labelId={labelId}
        value={textOf(value)}
        multiline={multiline}
        required={parameter.required}
        invalid={invalid}
        describedBy={describedBy}
        placeholder={parameter.placeholder}
        spellCheck={parameter.type === 'expression' ? false : undefined}
        getScope={getScope}
        onChange={textChange}
      />
    ) : undefined;

  switch (parameter.type) {
    case 'textarea':
      return (
        expressionInput(true) ?? (
          <textarea
            {...common}
            value={textOf(value)}
            onChange={(e) => textChange(e.target.value)}
          />
        )
      );
    case 'number':
      if (holdsExpression) break;
      return (
        <input
          {...common}
          type="number"
          min={parameter.min}
          max={parameter.max}
          step={parameter.integer ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(event) => {
            const text = event.target.value;
            onChange(text === '' ? undefined : Number(text));
          }}
        />
      );
    case 'boolean':
      if (holdsExpression) break;
      return (
        <input
          id={id}
          type="checkbox"
          aria-invalid={invalid}
          aria-describedby={describedBy}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    case 'select': {
      if (holdsExpression) break;
      const options = parameter.options ?? [];
      const index = options.findIndex((option) => option.value === value);
      return (
        <select
          {...common}
          value={index < 0 ? '' : String(index)}
          onChange={(event) => {
            const chosen = options[Number(event.target.value)];
            onChange(event.target.value === '' ? undefined : chosen?.value);
          }}
        >
          {index < 0 || !parameter.required ? <option value="">{text.choose}</option> : null}
          {options.map((option, optionIndex) => (
            <option key={String(option.value)} value={String(optionIndex)}>
              {option.label}
            </option>
          ))}
        </select>
      );
    }
    case 'json':
      if (holdsExpression) break;
      return (
        <JsonField
          id={id}
          value={value}
          required={parameter.required}
          placeholder={parameter.placeholder}
          describedBy={describedBy}
          invalid={invalid}
          onChange={onChange}
        />
      );
    case 'secret':
      return (
        <CredentialPicker
          id={id}
          value={value}
          required={parameter.required}
          invalid={invalid}
          describedBy={describedBy}
          // Read loosely: the metadata gains `credential_type` in a newer core.
          credentialType={(parameter as { credential_type?: string }).credential_type}
          onChange={onChange}
        />
      );
    default:
      break;
  }
  // string, expression, and any value held as an expression.
  return (
    expressionInput(false) ?? (
      <input
        {...common}
        type="text"
        spellCheck={parameter.type === 'expression' ? false : undefined}
        value={textOf(value)}
        onChange={(e) => textChange(e.target.value)}
      />
    )
  );
}
