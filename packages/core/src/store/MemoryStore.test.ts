import { MemoryStore } from './MemoryStore';
import { describeWorkflowStoreContract } from './workflowStoreContract';

describeWorkflowStoreContract('MemoryStore', () => new MemoryStore());
