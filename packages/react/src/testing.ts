export {
  createWorkflowHandlers,
  type WorkflowHandlers,
  type WorkflowHandlersOptions,
} from './testing/createWorkflowHandlers';
export { FakeWorkflowBackend } from './testing/FakeWorkflowBackend';
export { handlers, resetWorkflowHandlers } from './testing/handlers';
