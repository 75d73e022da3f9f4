import type { ComponentParameter, WorkflowIssue } from '@flowloom/core';
import { ParameterInput } from './ParameterInput';

/** Props of {@link ParameterField}. */
export interface ParameterFieldProps {
  /** A unique prefix for the field's element ids. */
  idPrefix: string;
  parameter: ComponentParameter;
  value: unknown;
  /** The node's validation issues for this parameter. */
  issues: readonly WorkflowIssue[];
  onChange: (value: unknown) => void;
}

const EXPRESSION_HINT =
  'Use {{ input.field }}, {{ steps.<node id>.field }} or {{ vars.name }}; the value keeps its type.';

function describeDefault(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function boundsOf(parameter: ComponentParameter): string | undefined {
  if (parameter.type !== 'number') return undefined;
  const { min, max } = parameter;
  if (min !== undefined && max !== undefined) return `Between ${min} and ${max}.`;
  if (min !== undefined) return `At least ${min}.`;
  if (max !== undefined) return `At most ${max}.`;
  return undefined;
}

function rangeProblem(parameter: ComponentParameter, value: unknown): string | undefined {
  if (parameter.type !== 'number' || typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return 'Must be a number.';
  if (parameter.min !== undefined && value < parameter.min) {
    return `Must be at least ${parameter.min}.`;
  }
  if (parameter.max !== undefined && value > parameter.max) {
    return `Must be at most ${parameter.max}.`;
  }
  if (parameter.integer && !Number.isInteger(value)) return 'Must be a whole number.';
  return undefined;
}

/**
 * One parameter's field: its label (with `*` when required), the input for its type, the help
 * text, the default, and the validation errors for it under the input.
 */
export function ParameterField({
  idPrefix,
  parameter,
  value,
  issues,
  onChange,
}: ParameterFieldProps) {
  const id = `${idPrefix}-${parameter.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-errors`;
  const localProblem = rangeProblem(parameter, value);
  const messages = issues.map((issue) => issue.message);
  if (localProblem && messages.length === 0) messages.push(localProblem);
  const help = [
    parameter.description,
    boundsOf(parameter),
    parameter.type === 'expression' ? EXPRESSION_HINT : undefined,
  ].filter((text): text is string => Boolean(text));
  const hasDefault = parameter.default !== undefined;
  const describedBy = [
    help.length > 0 || hasDefault ? helpId : undefined,
    messages.length > 0 ? errorId : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const checkbox = parameter.type === 'boolean' && typeof value !== 'string';
  const classes = ['flowloom-field', `flowloom-field--${parameter.type}`];
  if (checkbox) classes.push('flowloom-field--checkbox');
  if (messages.length > 0) classes.push('flowloom-field--invalid');

  const input = (
    <ParameterInput
      id={id}
      parameter={parameter}
      value={value}
      invalid={messages.length > 0}
      describedBy={describedBy || undefined}
      onChange={onChange}
    />
  );
  const labelText = (
    <>
      {parameter.label}
      {parameter.required ? (
        <span className="flowloom-required" aria-hidden="true">
          *
        </span>
      ) : null}
    </>
  );

  return (
    <div className={classes.join(' ')} data-parameter={parameter.name}>
      {checkbox ? (
        <label className="flowloom-field__label" htmlFor={id}>
          {input}
          {labelText}
        </label>
      ) : (
        <>
          <label className="flowloom-field__label" htmlFor={id}>
            {labelText}
          </label>
          {input}
        </>
      )}
      {help.length > 0 || hasDefault ? (
        <div id={helpId}>
          {help.map((text) => (
            <p key={text} className="flowloom-field__help">
              {text}
            </p>
          ))}
          {hasDefault ? (
            <p className="flowloom-field__default">Default: {describeDefault(parameter.default)}</p>
          ) : null}
        </div>
      ) : null}
      {messages.length > 0 ? (
        <div id={errorId}>
          {messages.map((message) => (
            <p key={message} className="flowloom-field__error">
              {message}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
