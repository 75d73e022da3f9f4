export {
  type CapturedLog,
  createTestContext,
  type TestExecutionContext,
} from './testing/createTestContext';
export { describeWorkflowStoreContract } from './store/workflowStoreContract';
