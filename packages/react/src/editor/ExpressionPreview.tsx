import type { ExpressionScope } from '@flowloom/core';
import { memo } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import { previewExpression } from './expressions/previewExpression';

/** Props of {@link ExpressionPreview}. */
export interface ExpressionPreviewProps {
  /** The element id, for the field's `aria-describedby`. */
  id: string;
  /** The parameter's value. */
  value: unknown;
  scope: ExpressionScope;
  hasRun: boolean;
}

/**
 * Under a parameter holding `{{ ... }}`: the value it resolves to against the last run, or
 * why it does not resolve (nothing for a value without expressions).
 */
export const ExpressionPreview = memo(function ExpressionPreview({
  id,
  value,
  scope,
  hasRun,
}: ExpressionPreviewProps) {
  const text = useMessages('parameters', enCanvas.parameters);
  const preview = previewExpression(value, scope, hasRun);
  if (preview.kind === 'none') return null;
  if (preview.kind === 'no-run') {
    return (
      <p id={id} className="flowloom-preview flowloom-preview--pending" aria-live="polite">
        {text.previewNoRun}
      </p>
    );
  }
  if (preview.kind === 'problem') {
    return (
      <p id={id} className="flowloom-preview flowloom-preview--problem" aria-live="polite">
        {text.previewProblem} {preview.message}
      </p>
    );
  }
  return (
    <p id={id} className="flowloom-preview flowloom-preview--value" aria-live="polite">
      {text.previewValue} <code className="flowloom-preview__value">{preview.text}</code>
    </p>
  );
});
