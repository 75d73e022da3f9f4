export { sampleInstance, sampleWorkflow } from './store/contractSamples';
export { describeWorkflowStoreContract } from './store/workflowStoreContract';
export {
  type CapturedLog,
  createTestContext,
  type TestExecutionContext,
} from './testing/createTestContext';
