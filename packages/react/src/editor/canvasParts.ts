// The canvas's parts that wait for a gesture, loaded together on demand (`loadCanvasParts`):
// context menus, the component picker, the run-input dialog, the node settings form, the
// new-credential form, a save's version conflict and auto-layout, so none of them weighs on the
// initial bundle; and the selected node's parameter form, and Export and Import.
export { autoLayout } from './autoLayout';
export { CanvasMenus } from './CanvasMenus';
export { ContextMenu } from './ContextMenu';
export { NewCredentialForm } from './NewCredentialForm';
export { NodeSettingsForm } from './NodeSettingsForm';
export { ParameterForm } from './ParameterForm';
export { RunInputDialog } from './RunInputDialog';
export { VersionConflictNotice } from './VersionConflictNotice';
export { exportWorkflowFile, importWorkflowFile } from './workflowFileCommands';
