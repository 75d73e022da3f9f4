import '@flowloom/react/styles.css';
import { WorkflowEditor, type WorkflowEditorProps } from '@flowloom/react';

/** The editor, full height; its Execute opens the live execution panel itself. */
export function EditorPage({ workflowId, onBack, onSaved }: WorkflowEditorProps) {
  return (
    <main style={{ height: '100vh' }}>
      <WorkflowEditor workflowId={workflowId} onBack={onBack} onSaved={onSaved} />
    </main>
  );
}
