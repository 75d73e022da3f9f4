import { useContext } from 'react';
import type { WorkflowClient } from '../client/clientTypes';
import { getDefaultWorkflowClient } from '../client/getDefaultWorkflowClient';
import { WorkflowClientContext } from './WorkflowClientContext';

/** The enclosing `<WorkflowProvider>`'s client, or the default client on `/api/workflow`. */
export function useWorkflowClient(): WorkflowClient {
  return useContext(WorkflowClientContext) ?? getDefaultWorkflowClient();
}
