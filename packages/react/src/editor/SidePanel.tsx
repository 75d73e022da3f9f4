import { forwardRef, type KeyboardEvent, memo, Suspense, useEffect, useId, useState } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { selectFocusRequest } from '../store/editorSelectors';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { lazyCanvasPart } from './lazyCanvasPart';
import { ProblemsList } from './ProblemsList';

// Both forms wait for a selection, so they load with the canvas parts (prefetched when idle).
const ParameterForm = lazyCanvasPart('ParameterForm');
const NodeSettingsForm = lazyCanvasPart('NodeSettingsForm');

type Tab = 'parameters' | 'settings';
const TABS: readonly Tab[] = ['parameters', 'settings'];

const selectSingleSelectedId = (state: EditorStore) =>
  state.selectedNodeIds.length === 1 ? state.selectedNodeIds[0] : undefined;
const selectSelectionCount = (state: EditorStore) => state.selectedNodeIds.length;

/**
 * The panel beside the canvas: for the selected node, a Parameters tab (its parameter form) and
 * a Settings tab (retries, timeout, on error, disabled, pinned test input); with no single node
 * selected, a hint and the workflow's problems by node.
 *
 * @remarks The ref reaches the problems list's heading, to move focus there.
 */
export const SidePanel = memo(
  forwardRef<HTMLHeadingElement>(function SidePanel(_props, problemsRef) {
    const id = useId();
    const text = useMessages('sidePanel', enCore.sidePanel);
    const nodeId = useEditorStore(selectSingleSelectedId);
    const count = useEditorStore(selectSelectionCount);
    const focusRequest = useEditorStore(selectFocusRequest);
    const [tab, setTab] = useState<Tab>('parameters');

    // A problem revealed from the list is on the Parameters tab.
    useEffect(() => {
      if (focusRequest) setTab('parameters');
    }, [focusRequest]);

    const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      const next: Tab = tab === 'parameters' ? 'settings' : 'parameters';
      setTab(next);
      document.getElementById(`${id}-tab-${next}`)?.focus();
    };

    return (
      <aside className="flowloom-side-panel" aria-label={text.region}>
        {nodeId !== undefined ? (
          <>
            <div
              className="flowloom-tabs"
              role="tablist"
              aria-label={text.tabs}
              onKeyDown={onTabKey}
            >
              {TABS.map((key) => (
                <button
                  key={key}
                  id={`${id}-tab-${key}`}
                  type="button"
                  role="tab"
                  className="flowloom-tabs__tab"
                  aria-selected={tab === key}
                  aria-controls={`${id}-panel`}
                  tabIndex={tab === key ? 0 : -1}
                  onClick={() => setTab(key)}
                >
                  {text[key]}
                </button>
              ))}
            </div>
            <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`}>
              <Suspense fallback={null}>
                {tab === 'parameters' ? (
                  <ParameterForm nodeId={nodeId} />
                ) : (
                  <NodeSettingsForm nodeId={nodeId} />
                )}
              </Suspense>
            </div>
          </>
        ) : (
          <>
            <p className="flowloom-side-panel__empty">
              {count > 1 ? text.several(count) : text.none}
            </p>
            <ProblemsList ref={problemsRef} />
          </>
        )}
      </aside>
    );
  }),
);
