export { sampleInstance, sampleWorkflow } from './store/contractSamples';
export {
  type CapturedLog,
  createTestContext,
  type TestExecutionContext,
} from './testing/createTestContext';
