import type { WorkflowIssue } from '@flowloom/core';
import { useCallback, useEffect, useId, useRef } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { selectFocusRequest } from '../store/editorSelectors';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { ComponentIcon } from './ComponentIcon';
import { ParameterField } from './ParameterField';
import { swatchStyleOf } from './swatchStyleOf';

/** Props of {@link ParameterForm}. */
export interface ParameterFormProps {
  /** The node to edit. */
  nodeId: string;
}

const NO_ISSUES: WorkflowIssue[] = [];

/**
 * The form for one node, generated from its component's parameters: a label field, then a field
 * per parameter (by `ParameterType`) with required marks, defaults and help text. The errors the
 * last save found for the node are shown under their fields; the others above the fields.
 */
export function ParameterForm({ nodeId }: ParameterFormProps) {
  const store = useEditorStoreApi();
  const text = useMessages('parameters', enCanvas.parameters);
  const nodeWords = useMessages('node', enCore.node);
  const idPrefix = useId();
  const node = useEditorStore(
    useCallback((state: EditorStore) => state.nodes.find((n) => n.id === nodeId), [nodeId]),
  );
  const component = useEditorStore(
    useCallback((state: EditorStore) => state.components[node?.type ?? ''], [node?.type]),
  );
  const issues =
    useEditorStore(useCallback((state: EditorStore) => state.problemsByNode[nodeId], [nodeId])) ??
    NO_ISSUES;
  const focusRequest = useEditorStore(selectFocusRequest);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef(0);

  // A problem revealed from the problems list: focus its field, else the form's title.
  useEffect(() => {
    if (!focusRequest || focusRequest.nodeId !== nodeId || handled.current === focusRequest.seq) {
      return;
    }
    handled.current = focusRequest.seq;
    const form = formRef.current;
    const wrapper = [...(form?.querySelectorAll<HTMLElement>('[data-parameter]') ?? [])].find(
      (element) => element.dataset.parameter === focusRequest.field,
    );
    const field = wrapper?.querySelector<HTMLElement>(
      'input, textarea, select, [contenteditable="true"]',
    );
    (field ?? form?.querySelector<HTMLElement>('.flowloom-parameter-form__title'))?.focus();
  }, [focusRequest, nodeId]);
  if (!node) return null;

  const parameters = component?.parameters ?? [];
  const names = new Set(parameters.map((parameter) => parameter.name));
  const nodeIssues = issues.filter((issue) => !issue.field || !names.has(issue.field));
  const nodeErrors = nodeIssues.filter((issue) => issue.severity === 'error');
  const nodeWarnings = nodeIssues.filter((issue) => issue.severity === 'warning');
  const name = component?.name ?? node.type ?? nodeWords.unknown;
  const labelId = `${idPrefix}-label`;

  return (
    <form
      ref={formRef}
      className="flowloom-parameter-form"
      aria-label={text.form(node.data.label || name)}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 className="flowloom-parameter-form__title" tabIndex={-1}>
        <span
          className="flowloom-palette__swatch"
          style={swatchStyleOf(component?.color)}
          aria-hidden="true"
        >
          <ComponentIcon icon={component?.icon} name={name} />
        </span>
        <span>
          {name}
          <span className="flowloom-parameter-form__type"> · {node.id}</span>
        </span>
      </h2>
      {component?.description ? (
        <p className="flowloom-field__help">{component.description}</p>
      ) : null}
      {!component ? (
        <p className="flowloom-field__error">{text.unknownType(node.type ?? '')}</p>
      ) : null}
      {nodeErrors.length > 0 ? (
        <ul className="flowloom-message flowloom-message--error" aria-label={text.nodeErrors}>
          {nodeErrors.map((issue) => (
            <li key={`${issue.code}:${issue.field ?? ''}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      {nodeWarnings.length > 0 ? (
        <ul className="flowloom-message flowloom-message--warning" aria-label={text.nodeWarnings}>
          {nodeWarnings.map((issue) => (
            <li key={`${issue.code}:${issue.field ?? ''}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="flowloom-field">
        <label className="flowloom-field__label" htmlFor={labelId}>
          {text.label}
        </label>
        <input
          id={labelId}
          type="text"
          value={node.data.label ?? ''}
          placeholder={name}
          onChange={(event) => store.getState().setNodeLabel(nodeId, event.target.value)}
        />
      </div>
      {parameters.map((parameter) => (
        <ParameterField
          // Keyed by node too, so a JSON field's draft text does not follow to another node.
          key={`${nodeId}:${parameter.name}`}
          idPrefix={idPrefix}
          parameter={parameter}
          value={node.data.parameters[parameter.name]}
          nodeId={nodeId}
          issues={issues.filter((issue) => issue.field === parameter.name)}
          onChange={(value) => store.getState().setParameter(nodeId, parameter.name, value)}
        />
      ))}
      {parameters.length === 0 && component ? (
        <p className="flowloom-side-panel__empty">{text.noParameters}</p>
      ) : null}
    </form>
  );
}
