export { builtinComponents } from './components/builtinComponents';
export { CodeComponent } from './components/CodeComponent';
export { ConditionComponent } from './components/ConditionComponent';
export {
  type CronCheck,
  checkCron,
  isKnownTimeZone,
  nextCronRun,
  shortestCronIntervalMs,
} from './components/cronSchedule';
export { DelayComponent } from './components/DelayComponent';
export { ForEachComponent } from './components/ForEachComponent';
export { HttpRequestComponent } from './components/HttpRequestComponent';
export { isWebhookResponseHeaderAllowed } from './components/isWebhookResponseHeaderAllowed';
export { LogComponent } from './components/LogComponent';
export { ManualTriggerComponent } from './components/ManualTriggerComponent';
export { MergeComponent } from './components/MergeComponent';
export { RespondToWebhookComponent } from './components/RespondToWebhookComponent';
export { ScheduleTriggerComponent } from './components/ScheduleTriggerComponent';
export { SetVariableComponent } from './components/SetVariableComponent';
export { SubWorkflowComponent } from './components/SubWorkflowComponent';
export { SwitchComponent } from './components/SwitchComponent';
export { TransformComponent } from './components/TransformComponent';
export { WaitComponent } from './components/WaitComponent';
export {
  WEBHOOK_MAX_TIMEOUT_MS,
  WebhookTriggerComponent,
} from './components/WebhookTriggerComponent';
export { createMemoryConcurrencyGate } from './concurrency/createMemoryConcurrencyGate';
export {
  type ConcurrencyKeys,
  type ConcurrencyLimits,
  concurrencyKeysOf,
  hasConcurrencyLimits,
  type ReleaseSlot,
  type RunConcurrencyGate,
} from './concurrency/runConcurrencyGate';
export {
  type CredentialPlaceholder,
  CredentialPlaceholderSchema,
  isCredentialPlaceholder,
} from './credentials/credentialPlaceholder';
export {
  type CredentialReference,
  CredentialReferenceSchema,
  type CredentialResolver,
  isCredentialReference,
  type RunOwner,
} from './credentials/credentialReference';
export { replaceCredentialReferences } from './credentials/replaceCredentialReferences';
export { ErrorCode } from './errors/errorCodes';
export {
  CancelledError,
  type ErrorIssue,
  FlowloomError,
  type FlowloomErrorOptions,
  StepError,
  toFlowloomError,
} from './errors/FlowloomError';
export { VersionConflictError } from './errors/VersionConflictError';
export { applyEventToStatus, emptyExecutionStatus } from './executor/applyEventToStatus';
export {
  type CloseOptions,
  type ExecuteOptions,
  ExecutionEngine,
  type ExecutionEngineOptions,
  type StartedRun,
  type StopOptions,
  type WorkflowSource,
} from './executor/ExecutionEngine';
export type { ExecutionEngineEvents, ExecutionEventListener } from './executor/engineEvents';
export { logEntryOf } from './executor/logEntryOf';
export { readStoredStatus } from './executor/readStoredStatus';
export { workflowOutputOf } from './executor/workflowOutputOf';
export { type CompiledValue, compileValue } from './expressions/compileValue';
export { containsExpression } from './expressions/containsExpression';
export { type ExpressionScope, evaluatePath } from './expressions/evaluatePath';
export {
  type ExpressionPath,
  type ExpressionRoot,
  parseExpressionPath,
} from './expressions/expressionPath';
export {
  type ExpressionOptions,
  type ParsedTemplate,
  parseTemplate,
} from './expressions/parseTemplate';
export { buildExecutionPlan } from './graph/buildExecutionPlan';
export type { ExecutionPlan, PlanEdge, PlanStep } from './graph/executionPlan';
export { invalidWorkflowError } from './graph/invalidWorkflowError';
export { isParsedWorkflowDocument } from './graph/isParsedWorkflowDocument';
export { type ValidateWorkflowOptions, validateWorkflow } from './graph/validateWorkflow';
export {
  findJsonDepthProblem,
  type JsonDepthProblem,
  measureJsonBytes,
} from './limits/measureJson';
export {
  DEFAULT_LIMITS,
  resolveLimits,
  type WorkflowLimits,
  type WorkflowLimitsInput,
  WorkflowLimitsSchema,
} from './limits/workflowLimits';
export { classifyAddress } from './network/classifyAddress';
export { clientAddressGroup } from './network/clientAddressGroup';
export { createGuardedFetch, type GuardedFetchOptions } from './network/createGuardedFetch';
export type { GuardTransport } from './network/guardTransport';
export {
  type NetworkOptions,
  type NetworkOptionsInput,
  NetworkOptionsSchema,
  type StepFetch,
} from './network/stepFetch';
export {
  BaseWorkflowComponent,
  type ComponentClass,
  type CustomParameterIssue,
} from './registry/BaseWorkflowComponent';
export {
  ComponentRegistry,
  type ComponentRegistryOptions,
  type RegistrableComponent,
} from './registry/ComponentRegistry';
export type { CompiledParameters, ValidateParametersOptions } from './registry/compileParameters';
export {
  type CapturedLog,
  type CreatedExecutionContext,
  createExecutionContext,
  type ExecutionContextInit,
} from './registry/createExecutionContext';
export { componentRegistry } from './registry/defaultRegistry';
export { type ComponentDefinition, defineComponent } from './registry/defineComponent';
export { type ParameterIssue, ParameterIssueSchema } from './registry/parameterIssue';
export type { ParameterValue, ParameterValues, SecretValue } from './registry/parameterValues';
export type { RegisteredComponent } from './registry/registeredComponent';
export { createInProcessRunner } from './runner/createInProcessRunner';
export type { RunnerTickClaim, WorkflowRunner } from './runner/WorkflowRunner';
export type {
  CodeLogLine,
  CodeRunRequest,
  CodeRunResult,
  CodeSandbox,
} from './sandbox/codeSandbox';
export {
  type AuditEntry,
  AuditEntrySchema,
  type AuditPage,
  AuditPageSchema,
  type StoredAuditEntry,
  StoredAuditEntrySchema,
} from './schema/auditEntry';
export { checkParameterValue, describeType, isMissingValue } from './schema/checkParameterValue';
export { ComponentCategory, ComponentCategorySchema } from './schema/componentCategory';
export {
  type ComponentHandle,
  ComponentHandleSchema,
  DEFAULT_INPUT_HANDLE,
  DEFAULT_OUTPUT_HANDLE,
} from './schema/componentHandle';
export {
  type WorkflowComponentMetadata,
  type WorkflowComponentMetadataInput,
  WorkflowComponentMetadataSchema,
} from './schema/componentMetadata';
export {
  type ComponentParameter,
  type ComponentParameterInput,
  ComponentParameterSchema,
  type ParameterOption,
  ParameterOptionSchema,
} from './schema/componentParameter';
export {
  type CredentialSummary,
  CredentialSummarySchema,
  type StoredCredential,
  StoredCredentialSchema,
} from './schema/credential';
export {
  type ExecutionContext,
  ExecutionContextDataSchema,
  type StepLogger,
} from './schema/executionContext';
export {
  EXECUTION_EVENT_TYPES,
  type ExecutionEvent,
  ExecutionEventDataSchemas,
  type ExecutionEventMap,
  type ExecutionEventOf,
  ExecutionEventSchema,
  type ExecutionEventType,
} from './schema/executionEvent';
export { type ExecutionResult, ExecutionResultSchema } from './schema/executionResult';
export {
  type ExecutionStatus,
  ExecutionStatusSchema,
  type StepState,
  StepStateSchema,
} from './schema/executionStatus';
export {
  type InstanceSummary,
  InstanceSummarySchema,
  type InstanceSummarySource,
  instanceSummaryOf,
  type StoredInstanceSummary,
  StoredInstanceSummarySchema,
  toInstanceSummary,
} from './schema/instanceSummary';
export { isReservedId, RESERVED_IDS } from './schema/isReservedId';
export { type LogEntry, LogEntrySchema, type LogLevel, LogLevelSchema } from './schema/logEntry';
export { ParameterType, ParameterTypeSchema } from './schema/parameterType';
export { type RunLease, RunLeaseSchema } from './schema/runLease';
export { type RunProgress, RunProgressSchema } from './schema/runProgress';
export { type RunTrigger, RunTriggerSchema } from './schema/runTrigger';
export {
  type SavedWorkflow,
  SavedWorkflowSchema,
  type SaveWorkflowInput,
  SaveWorkflowInputSchema,
  type WorkflowListItem,
  WorkflowListItemSchema,
  type WorkflowSummary,
  WorkflowSummarySchema,
} from './schema/savedWorkflow';
export {
  type ErrorInfo,
  ErrorInfoSchema,
  type InstanceStatus,
  InstanceStatusSchema,
  isFinalInstanceStatus,
  type StepStatus,
  StepStatusSchema,
} from './schema/status';
export {
  type WorkflowActivation,
  WorkflowActivationSchema,
} from './schema/workflowActivation';
export {
  type NodeSettings,
  NodeSettingsSchema,
  type RetrySettings,
  RetrySettingsSchema,
  type WorkflowData,
  type WorkflowDataInput,
  WorkflowDataSchema,
  type WorkflowEdge,
  WorkflowEdgeSchema,
  type WorkflowNode,
  WorkflowNodeDataSchema,
  WorkflowNodeSchema,
} from './schema/workflowData';
export { type WorkflowExport, WorkflowExportSchema } from './schema/workflowExport';
export {
  type CreateInstanceInput,
  CreateInstanceInputSchema,
  type WorkflowInstance,
  WorkflowInstanceSchema,
} from './schema/workflowInstance';
export {
  type WorkflowIssue,
  WorkflowIssueCode,
  WorkflowIssueSchema,
  type WorkflowValidationResult,
  WorkflowValidationResultSchema,
} from './schema/workflowValidation';
export {
  type WorkflowVersionSummary,
  WorkflowVersionSummarySchema,
} from './schema/workflowVersion';
export { type AuditCursor, decodeAuditCursor, encodeAuditCursor } from './store/auditCursor';
export { createAuditId } from './store/createAuditId';
export { createId } from './store/createId';
export { deepFreeze } from './store/deepFreeze';
export {
  decodeInstanceCursor,
  encodeInstanceCursor,
  type InstanceCursor,
  isAfterCursor,
} from './store/instanceCursor';
export type { ListAuditOptions } from './store/listAuditOptions';
export { MemoryStore } from './store/MemoryStore';
export { STORED } from './store/stored';
export type {
  CreateCredentialRecord,
  CredentialPatch,
  DueWait,
  InstancePatch,
  InstanceSummaryPage,
  ListAccess,
  ListCredentialsOptions,
  ListInstanceSummariesOptions,
  ListInstancesOptions,
  ListOptions,
  PruneInstancesOptions,
  SaveWorkflowRecord,
  WorkflowStore,
} from './store/WorkflowStore';
export { triggerTypeOf } from './triggers/triggerTypeOf';
export { type TriggerHost, triggerWorkflow } from './triggers/triggerWorkflow';
