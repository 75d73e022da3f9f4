import { memo } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { selectProblemsByNode } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import { countProblems } from './ProblemsList';

/** Props of {@link ProblemsButton}. */
export interface ProblemsButtonProps {
  /** Shows the problems list. */
  onShow: () => void;
}

/**
 * The toolbar's count of the workflow's errors and warnings (red when there is an error, amber
 * for warnings only); a click shows the problems list. Nothing when there is no problem.
 */
export const ProblemsButton = memo(function ProblemsButton({ onShow }: ProblemsButtonProps) {
  const text = useMessages('toolbar', enCore.toolbar);
  const problems = useEditorStore(selectProblemsByNode);
  const { errors, warnings } = countProblems(problems);
  if (errors + warnings === 0) return null;
  return (
    <button
      type="button"
      className={`flowloom-button flowloom-problems-button flowloom-problems-button--${errors > 0 ? 'error' : 'warning'}`}
      title={text.problemsHint}
      onClick={onShow}
    >
      <span aria-hidden="true">!</span> {text.problems(errors, warnings)}
    </button>
  );
});
