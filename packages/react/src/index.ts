// The data shapes hosts meet through the hooks, so an app needs no direct import of the core.
export type {
  CredentialSummary,
  ExecutionEvent,
  ExecutionStatus,
  InstanceSummary,
  LogEntry,
  SavedWorkflow,
  WorkflowComponentMetadata,
  WorkflowData,
  WorkflowExport,
  WorkflowInstance,
  WorkflowSummary,
  WorkflowVersionSummary,
} from '@flowloom/core';
export type {
  ClientError,
  ClientResult,
  CreateCredentialRequest,
  CreateInstanceRequest,
  CredentialPage,
  InstanceListQuery,
  InstancePage,
  SaveWorkflowRequest,
  SaveWorkflowResult,
  SubscribeOptions,
  UpdateCredentialRequest,
  VersionConflictClientError,
  WebSocketConstructor,
  WebSocketLike,
  WorkflowClient,
  WorkflowClientOptions,
} from './client/clientTypes';
export { createWorkflowClient } from './client/createWorkflowClient';
export { getDefaultWorkflowClient } from './client/getDefaultWorkflowClient';
export { isVersionConflict } from './client/isVersionConflict';
export { ClientErrorCode } from './client/requestJson';
export { CredentialPicker, type CredentialPickerProps } from './editor/CredentialPicker';
export { EnhancedWorkflowEditor } from './editor/EnhancedWorkflowEditor';
export { gradientOf } from './editor/gradientOf';
export { WorkflowEditor, type WorkflowEditorProps } from './editor/WorkflowEditor';
export {
  WorkflowErrorBoundary,
  type WorkflowErrorBoundaryProps,
} from './editor/WorkflowErrorBoundary';
export { ExecutionPanel, type ExecutionPanelProps } from './execution/ExecutionPanel';
export { VirtualList, type VirtualListProps } from './execution/VirtualList';
export {
  ClientQuery as experimental_ClientQuery,
  type QueryState,
} from './hooks/ClientQuery';
export { CredentialList as experimental_CredentialList } from './hooks/CredentialList';
export {
  type ExecutionSnapshot,
  ExecutionTracker as experimental_ExecutionTracker,
} from './hooks/ExecutionTracker';
export { InstanceList as experimental_InstanceList } from './hooks/InstanceList';
export { type UseCredentialsResult, useCredentials } from './hooks/useCredentials';
export { useWorkflowClient } from './hooks/useWorkflowClient';
export {
  type UseWorkflowComponentsResult,
  useWorkflowComponents,
} from './hooks/useWorkflowComponents';
export {
  type SaveOptions,
  type UseWorkflowEditorResult,
  useWorkflowEditor,
} from './hooks/useWorkflowEditor';
export {
  type UseWorkflowExecutionResult,
  useWorkflowExecution,
} from './hooks/useWorkflowExecution';
export {
  type UseWorkflowInstancesResult,
  useWorkflowInstances,
} from './hooks/useWorkflowInstances';
export { WorkflowProvider, type WorkflowProviderProps } from './hooks/WorkflowProvider';
export { type ConnectionCheck, checkConnection } from './store/checkConnection';
export { createEditorStore, type EditorStoreApi, HISTORY_LIMIT } from './store/createEditorStore';
export { EditorStoreProvider, type EditorStoreProviderProps } from './store/EditorStoreProvider';
export {
  selectCanPaste,
  selectCanRedo,
  selectCanUndo,
  selectComponents,
  selectDirty,
  selectEdges,
  selectIssuesByNode,
  selectName,
  selectNodes,
  selectRunStatus,
  selectSelectedNode,
  selectSelectedNodeIds,
  selectVersion,
  selectWorkflowId,
} from './store/editorSelectors';
export type {
  ConnectionRefusal,
  EditorActions,
  EditorEdge,
  EditorNode,
  EditorNodeData,
  EditorState,
  EditorStore,
} from './store/editorTypes';
export { useEditorStore } from './store/useEditorStore';
export { useEditorStoreApi } from './store/useEditorStoreApi';
