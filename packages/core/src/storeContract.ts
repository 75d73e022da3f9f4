// A separate entry (`@flowloom/core/testing/store-contract`): the suite imports vitest, which
// `@flowloom/core/testing` must not load for hosts that test with something else.
export { sampleInstance, sampleWorkflow } from './store/contractSamples';
export { describeWorkflowStoreContract } from './store/workflowStoreContract';
