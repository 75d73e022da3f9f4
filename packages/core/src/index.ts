export { builtinComponents } from './components/builtinComponents';
export { CodeComponent } from './components/CodeComponent';
export {
  type CredentialReference,
  CredentialReferenceSchema,
  type CredentialResolver,
  isCredentialReference,
  type RunOwner,
} from './credentials/credentialReference';
export { ErrorCode } from './errors/errorCodes';
export {
  CancelledError,
  type ErrorIssue,
  FlowloomError,
  type FlowloomErrorOptions,
  StepError,
  toFlowloomError,
} from './errors/FlowloomError';
export { applyEventToStatus, emptyExecutionStatus } from './executor/applyEventToStatus';
export {
  type ExecuteOptions,
  ExecutionEngine,
  type ExecutionEngineOptions,
  type StartedRun,
} from './executor/ExecutionEngine';
export type { ExecutionEngineEvents, ExecutionEventListener } from './executor/engineEvents';
export { logEntryOf } from './executor/logEntryOf';
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
export { componentRegistry } from './registry/defaultRegistry';
export { type ComponentDefinition, defineComponent } from './registry/defineComponent';
export { type ParameterIssue, ParameterIssueSchema } from './registry/parameterIssue';
export type { ParameterValue, ParameterValues, SecretValue } from './registry/parameterValues';
export type { RegisteredComponent } from './registry/registeredComponent';
export type {
  CodeLogLine,
  CodeRunRequest,
  CodeRunResult,
  CodeSandbox,
} from './sandbox/codeSandbox';
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
export { isReservedId, RESERVED_IDS } from './schema/isReservedId';
export { type LogEntry, LogEntrySchema, type LogLevel, LogLevelSchema } from './schema/logEntry';
export { ParameterType, ParameterTypeSchema } from './schema/parameterType';
export {
  type SavedWorkflow,
  SavedWorkflowSchema,
  type SaveWorkflowInput,
  SaveWorkflowInputSchema,
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
export { createId } from './store/createId';
export { MemoryStore } from './store/MemoryStore';
export type {
  CreateCredentialRecord,
  CredentialPatch,
  InstancePatch,
  ListAccess,
  ListCredentialsOptions,
  ListInstancesOptions,
  ListOptions,
  SaveWorkflowRecord,
  WorkflowStore,
} from './store/WorkflowStore';
