import type { InstanceStatus } from '@flowloom/core';
import { useCallback, useEffect, useState } from 'react';
import type { ClientError } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';

/** What a workflow list shows of one workflow beyond its summary. */
export interface WorkflowRowDetails {
  /** Whether its triggers start runs; undefined until known. */
  active: boolean | undefined;
  /** Its latest run's status and start, if it ran. */
  lastRun: { status: InstanceStatus; at: string } | null | undefined;
  /** Why one of the reads failed. */
  error: ClientError | null;
  /** Sets the activation shown (after a toggle). */
  setActive: (active: boolean) => void;
}

/**
 * A listed workflow's latest run (`GET /instances?workflow_id=&limit=1`), read again when its
 * `version` changes, and its activation: as the list gave it (`listedActive`), else read with
 * `GET /workflows/{id}` (a client whose list does not say).
 */
export function useWorkflowRowDetails(
  workflowId: string,
  version: number,
  listedActive?: boolean,
): WorkflowRowDetails {
  const client = useWorkflowClient();
  const [active, setActiveState] = useState<boolean | undefined>(listedActive);
  const listSaysActive = listedActive !== undefined;

  // A list read again (after a toggle elsewhere, say) says what is current.
  useEffect(() => {
    if (listedActive !== undefined) setActiveState(listedActive);
  }, [listedActive]);
  const [lastRun, setLastRun] = useState<WorkflowRowDetails['lastRun']>(undefined);
  const [error, setError] = useState<ClientError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is read anew.
  useEffect(() => {
    let current = true;
    if (!listSaysActive) {
      void client.getWorkflow(workflowId).then((answer) => {
        if (!current) return;
        if (answer.success) setActiveState(answer.data.active);
        else setError(answer.error);
      });
    }
    void client.listInstances({ workflow_id: workflowId, limit: 1 }).then((answer) => {
      if (!current) return;
      if (!answer.success) {
        setError(answer.error);
        return;
      }
      const run = answer.data.instances[0];
      setLastRun(run ? { status: run.status, at: run.started_at ?? run.created_at } : null);
    });
    return () => {
      current = false;
    };
  }, [client, workflowId, version, listSaysActive]);

  const setActive = useCallback((value: boolean) => setActiveState(value), []);
  return { active, lastRun, error, setActive };
}
