import type { ReactNode } from 'react';
import type { WorkflowClient } from '../client/clientTypes';
import { WorkflowClientContext } from './WorkflowClientContext';

/** Props of {@link WorkflowProvider}. */
export interface WorkflowProviderProps {
  /** The client every hook and component inside uses (make it once, outside render). */
  client: WorkflowClient;
  children?: ReactNode;
}

/**
 * Gives the hooks and components inside it a client. Without a provider they use a default
 * client on `/api/workflow` of the page's origin.
 *
 * @example
 * const client = createWorkflowClient({ baseUrl: 'https://api.example.com/workflow' });
 * <WorkflowProvider client={client}><WorkflowEditor /></WorkflowProvider>
 */
export function WorkflowProvider({ client, children }: WorkflowProviderProps) {
  return <WorkflowClientContext.Provider value={client}>{children}</WorkflowClientContext.Provider>;
}
