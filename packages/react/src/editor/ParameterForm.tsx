import type { WorkflowIssue } from '@flowloom/core';
import { useCallback, useId } from 'react';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { ComponentIcon } from './ComponentIcon';
import { gradientOf } from './gradientOf';
import { ParameterField } from './ParameterField';

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
  const idPrefix = useId();
  const node = useEditorStore(
    useCallback((state: EditorStore) => state.nodes.find((n) => n.id === nodeId), [nodeId]),
  );
  const component = useEditorStore(
    useCallback((state: EditorStore) => state.components[node?.type ?? ''], [node?.type]),
  );
  const issues =
    useEditorStore(useCallback((state: EditorStore) => state.issuesByNode[nodeId], [nodeId])) ??
    NO_ISSUES;
  if (!node) return null;

  const parameters = component?.parameters ?? [];
  const names = new Set(parameters.map((parameter) => parameter.name));
  const nodeIssues = issues.filter((issue) => !issue.field || !names.has(issue.field));
  const name = component?.name ?? node.type ?? 'Unknown component';
  const labelId = `${idPrefix}-label`;

  return (
    <form
      className="flowloom-parameter-form"
      aria-label={`${node.data.label || name} settings`}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 className="flowloom-parameter-form__title">
        <span
          className="flowloom-palette__swatch"
          style={{ background: gradientOf(component?.color) }}
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
        <p className="flowloom-field__error">
          This node's component type "{node.type}" is not known to the server.
        </p>
      ) : null}
      {nodeIssues.length > 0 ? (
        <ul className="flowloom-message flowloom-message--error" aria-label="Node problems">
          {nodeIssues.map((issue) => (
            <li key={`${issue.code}:${issue.field ?? ''}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="flowloom-field">
        <label className="flowloom-field__label" htmlFor={labelId}>
          Label
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
          issues={issues.filter((issue) => issue.field === parameter.name)}
          onChange={(value) => store.getState().setParameter(nodeId, parameter.name, value)}
        />
      ))}
      {parameters.length === 0 && component ? (
        <p className="flowloom-side-panel__empty">This component has no parameters.</p>
      ) : null}
    </form>
  );
}
