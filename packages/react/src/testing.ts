export {
  createWorkflowHandlers,
  type WorkflowHandlers,
  type WorkflowHandlersOptions,
} from './testing/createWorkflowHandlers';
export { FakeCredentialStore } from './testing/FakeCredentialStore';
export { FakeWorkflowBackend } from './testing/FakeWorkflowBackend';
export { handlers, resetWorkflowHandlers } from './testing/handlers';
