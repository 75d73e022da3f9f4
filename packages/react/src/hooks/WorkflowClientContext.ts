import { createContext } from 'react';
import type { WorkflowClient } from '../client/clientTypes';

/** The client given by the enclosing `<WorkflowProvider>`, or null outside one. */
export const WorkflowClientContext = createContext<WorkflowClient | null>(null);
