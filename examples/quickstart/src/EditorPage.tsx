import '@flowloom/react/styles.css';
import { WorkflowEditor, type WorkflowEditorProps } from '@flowloom/react';

/**
 * The editor, filling the window (fixed, so no page scrollbar whatever the body's margin); its
 * Execute opens the live execution panel itself. The page's heading is there for screen readers
 * (the editor shows the workflow's name); the editor follows the system's light or dark theme
 * and speaks the page's language (`messages`).
 */
export function EditorPage({ workflowId, onBack, onSaved, messages }: WorkflowEditorProps) {
  return (
    <main className="quickstart-editor">
      <h1 className="quickstart-visually-hidden">Flowloom quickstart: workflow editor</h1>
      <WorkflowEditor
        workflowId={workflowId}
        onBack={onBack}
        onSaved={onSaved}
        messages={messages}
        colorMode="system"
      />
    </main>
  );
}
