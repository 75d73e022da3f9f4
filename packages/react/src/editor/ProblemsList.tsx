import type { WorkflowIssue } from '@flowloom/core';
import { useReactFlow } from '@xyflow/react';
import { forwardRef, memo, useId, useMemo } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { selectComponents, selectNodes, selectProblemsByNode } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { nodeNames } from './nodeNames';

/** How many errors and warnings a set of problems holds. */
export function countProblems(byNode: Readonly<Record<string, readonly WorkflowIssue[]>>): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const issues of Object.values(byNode)) {
    for (const issue of issues) {
      if (issue.severity === 'error') errors += 1;
      else warnings += 1;
    }
  }
  return { errors, warnings };
}

/**
 * The workflow's problems grouped by node, each group under the node's name, errors in red and
 * warnings in amber; a click on a node's problem selects the node, brings it into view and
 * focuses the field the problem is about. Renders nothing when there is none.
 */
export const ProblemsList = memo(
  forwardRef<HTMLHeadingElement>(function ProblemsList(_props, headingRef) {
    const store = useEditorStoreApi();
    const text = useMessages('problems', enCore.problems);
    const titleId = useId();
    const { fitView } = useReactFlow();
    const problems = useEditorStore(selectProblemsByNode);
    const nodes = useEditorStore(selectNodes);
    const components = useEditorStore(selectComponents);
    // Names and order change with nodes added, removed or renamed, not on a drag.
    const groups = useMemo(() => {
      const names = nodeNames(nodes, components);
      const ordered = nodes.filter((node) => problems[node.id]?.length);
      return [
        ...(problems['']?.length ? [{ id: '', name: text.workflow, issues: problems[''] }] : []),
        ...ordered.map((node) => ({
          id: node.id,
          name: names.get(node.id) ?? node.id,
          issues: problems[node.id] ?? [],
        })),
      ];
    }, [problems, nodes, components, text]);
    if (groups.length === 0) return null;
    const { errors, warnings } = countProblems(problems);

    const reveal = (nodeId: string, field: string | undefined) => {
      store.getState().revealProblem(nodeId, field);
      void fitView({ nodes: [{ id: nodeId }], maxZoom: 1, duration: 200 });
    };

    return (
      <section className="flowloom-problems" aria-labelledby={titleId}>
        <h2 ref={headingRef} id={titleId} className="flowloom-problems__title" tabIndex={-1}>
          {text.title}{' '}
          <span className="flowloom-problems__count">{text.count(errors, warnings)}</span>
        </h2>
        <ul className="flowloom-problems__groups">
          {groups.map((group) => (
            <li key={group.id || ':workflow'} className="flowloom-problems__group">
              <h3 className="flowloom-problems__node">{group.name}</h3>
              <ul className="flowloom-problems__list">
                {group.issues.map((issue) => {
                  const key = `${issue.code}:${issue.field ?? ''}:${issue.edge_id ?? ''}:${issue.message}`;
                  const body = (
                    <>
                      <span className="flowloom-problems__mark" aria-hidden="true">
                        !
                      </span>
                      <span className="flowloom-visually-hidden">
                        {issue.severity === 'error' ? text.error : text.warning}{' '}
                      </span>
                      <span>{issue.message}</span>
                    </>
                  );
                  const className = `flowloom-problem flowloom-problem--${issue.severity}`;
                  return (
                    <li key={key}>
                      {group.id ? (
                        <button
                          type="button"
                          className={className}
                          data-node-id={group.id}
                          data-field={issue.field}
                          title={text.show(group.name)}
                          onClick={() => reveal(group.id, issue.field)}
                        >
                          {body}
                        </button>
                      ) : (
                        <p className={className}>{body}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    );
  }),
);
