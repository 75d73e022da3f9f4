import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useOptionalEditorStore } from '../hooks/useOptionalEditorStore';
import { EditorStoreContext } from '../store/EditorStoreContext';
import { selectSelectedNodeIds } from '../store/editorSelectors';

const NONE: string[] = [];

/** What {@link useInspectedStep} returns. */
export interface InspectedStep {
  /** The step whose data to show, if any. */
  stepId: string | undefined;
  /** Shows a step's data (inside an editor: selects its node on the canvas). */
  inspect: (stepId: string | undefined) => void;
}

/**
 * The step a run panel inspects: inside an editor showing the run's workflow (`followCanvas`),
 * the one node selected on the canvas, so selecting a node shows its data; otherwise the step
 * chosen in the panel. `onSelected` is told when the canvas selection moves to a single node.
 */
export function useInspectedStep(
  followCanvas: boolean,
  onSelected?: (stepId: string) => void,
): InspectedStep {
  const editorStore = useContext(EditorStoreContext);
  const store = followCanvas ? editorStore : null;
  const selected = useOptionalEditorStore(selectSelectedNodeIds, NONE);
  const [local, setLocal] = useState<string | undefined>(undefined);
  const canvasStep = selected.length === 1 ? selected[0] : undefined;
  const stepId = store ? canvasStep : local;

  // Told when the user selects a node, not when the panel starts or stops following the canvas.
  const told = useRef(onSelected);
  told.current = onSelected;
  const previous = useRef(canvasStep);
  useEffect(() => {
    if (canvasStep !== undefined && canvasStep !== previous.current && followCanvas) {
      told.current?.(canvasStep);
    }
    previous.current = canvasStep;
  }, [canvasStep, followCanvas]);

  const inspect = useCallback(
    (id: string | undefined) => {
      if (store) store.getState().select(id === undefined ? [] : [id]);
      else setLocal(id);
    },
    [store],
  );
  return { stepId, inspect };
}
