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
  WorkflowListItem,
  WorkflowSummary,
  WorkflowVersionSummary,
} from '@flowloom/core';
export type {
  ClientError,
  ClientResult,
  CreateCredentialRequest,
  CreateInstanceRequest,
  CredentialPage,
  ExecuteInstanceOptions,
  InstanceListQuery,
  InstancePage,
  RunAccepted,
  SaveWorkflowRequest,
  SaveWorkflowResult,
  SubscribeOptions,
  TriggerInfo,
  UpdateCredentialRequest,
  VersionConflictClientError,
  WebSocketConstructor,
  WebSocketLike,
  WorkflowActivationResult,
  WorkflowClient,
  WorkflowClientOptions,
  WorkflowDetail,
} from './client/clientTypes';
export { createWorkflowClient } from './client/createWorkflowClient';
export { getDefaultWorkflowClient } from './client/getDefaultWorkflowClient';
export { isVersionConflict } from './client/isVersionConflict';
export { ClientErrorCode } from './client/requestJson';
export { CredentialPicker, type CredentialPickerProps } from './editor/CredentialPicker';
export { EnhancedWorkflowEditor } from './editor/EnhancedWorkflowEditor';
export { gradientOf } from './editor/gradientOf';
export { type HeaderColors, headerColorsOf } from './editor/headerColorsOf';
export { WorkflowEditor, type WorkflowEditorProps } from './editor/WorkflowEditor';
export {
  WorkflowErrorBoundary,
  type WorkflowErrorBoundaryProps,
} from './editor/WorkflowErrorBoundary';
export { ExecutionPanel, type ExecutionPanelProps } from './execution/ExecutionPanel';
export { VirtualList, type VirtualListProps } from './execution/VirtualList';
export { RunHistory, type RunHistoryProps } from './history/RunHistory';
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
export { type UseRunHistoryResult, useRunHistory } from './hooks/useRunHistory';
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
export { createFormatters, type Formatters } from './i18n/createFormatters';
export type { I18n } from './i18n/I18nContext';
export type { I18nProps } from './i18n/I18nProps';
export { I18nProvider, type I18nProviderProps } from './i18n/I18nProvider';
export type { MessageOverrides, Messages } from './i18n/Messages';
export { mergeMessages } from './i18n/mergeMessages';
export { useI18n } from './i18n/useI18n';
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
  selectFocusRequest,
  selectInvalidEdgeIds,
  selectIsEmpty,
  selectIssuesByNode,
  selectName,
  selectNodes,
  selectProblemsByNode,
  selectRunData,
  selectRunStatus,
  selectSelectedNode,
  selectSelectedNodeIds,
  selectVersion,
  selectWorkflowId,
} from './store/editorSelectors';
export type {
  ConnectFrom,
  ConnectionRefusal,
  EditorActions,
  EditorEdge,
  EditorNode,
  EditorNodeData,
  EditorNodeSettings,
  EditorState,
  EditorStore,
  FocusRequest,
  OnErrorMode,
  ProblemText,
  RunData,
} from './store/editorTypes';
export type { NodeRunStatus } from './store/nextRunStatus';
export { useEditorStore } from './store/useEditorStore';
export { useEditorStoreApi } from './store/useEditorStoreApi';
export { WorkflowList, type WorkflowListProps } from './workflows/WorkflowList';
