import type { ComponentParameter, WorkflowIssue } from '@flowloom/core';
import { useCallback, useRef } from 'react';
import type { Formatters } from '../i18n/createFormatters';
import { enCanvas } from '../i18n/enCanvas';
import type { Messages } from '../i18n/Messages';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { ExpressionPreview } from './ExpressionPreview';
import { useExpressionScope } from './expressions/useExpressionScope';
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
  /**
   * The node the parameter belongs to: its text fields get expression completion and a preview
   * of the value against the last run. Plain fields without it.
   */
  nodeId?: string;
}

type Text = Messages['parameters'];

function describeDefault(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function boundsOf(
  parameter: ComponentParameter,
  text: Text,
  format: Formatters,
): string | undefined {
  if (parameter.type !== 'number') return undefined;
  const { min, max } = parameter;
  if (min !== undefined && max !== undefined) {
    return text.between(format.number(min), format.number(max));
  }
  if (min !== undefined) return text.atLeast(format.number(min));
  if (max !== undefined) return text.atMost(format.number(max));
  return undefined;
}

function rangeProblem(
  parameter: ComponentParameter,
  value: unknown,
  text: Text,
  format: Formatters,
): string | undefined {
  if (parameter.type !== 'number' || typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return text.notNumber;
  if (parameter.min !== undefined && value < parameter.min) {
    return text.tooSmall(format.number(parameter.min));
  }
  if (parameter.max !== undefined && value > parameter.max) {
    return text.tooLarge(format.number(parameter.max));
  }
  if (parameter.integer && !Number.isInteger(value)) return text.notInteger;
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
  nodeId,
}: ParameterFieldProps) {
  const { format } = useI18n();
  const text = useMessages('parameters', enCanvas.parameters);
  const id = `${idPrefix}-${parameter.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-errors`;
  const labelId = `${id}-label`;
  const previewId = `${id}-preview`;
  const expressions = useExpressionScope(nodeId);
  const scopeRef = useRef(expressions.completion);
  scopeRef.current = expressions.completion;
  const getScope = useCallback(() => scopeRef.current, []);
  const previewed = parameter.type !== 'secret' && nodeId !== undefined;
  const localProblem = rangeProblem(parameter, value, text, format);
  const messages = issues.map((issue) => issue.message);
  if (localProblem && messages.length === 0) messages.push(localProblem);
  const help = [
    parameter.description,
    boundsOf(parameter, text, format),
    parameter.type === 'expression' ? text.expressionHint : undefined,
  ].filter((text): text is string => Boolean(text));
  const hasDefault = parameter.default !== undefined;
  const describedBy = [
    help.length > 0 || hasDefault ? helpId : undefined,
    messages.length > 0 ? errorId : undefined,
    previewed ? previewId : undefined,
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
      labelId={labelId}
      getScope={nodeId === undefined ? undefined : getScope}
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
        <label id={labelId} className="flowloom-field__label" htmlFor={id}>
          {input}
          {labelText}
        </label>
      ) : (
        <>
          <label id={labelId} className="flowloom-field__label" htmlFor={id}>
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
            <p className="flowloom-field__default">
              {text.default(describeDefault(parameter.default))}
            </p>
          ) : null}
        </div>
      ) : null}
      {previewed ? (
        <ExpressionPreview
          id={previewId}
          value={value}
          scope={expressions.preview}
          hasRun={expressions.hasRun}
        />
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
