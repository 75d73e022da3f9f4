import {
  ErrorCode,
  FlowloomError,
  readStoredStatus,
  type WorkflowInstance,
  type WorkflowStore,
} from '@flowloom/core';

/**
 * What an API server checks before it queues a request, so the caller hears "409" or "404" at
 * once, as from the in-process engine, instead of a job that does nothing. The worker checks
 * again when it takes the job: the store may have changed meanwhile.
 */
export async function loadInstance(
  store: WorkflowStore,
  instanceId: string,
): Promise<WorkflowInstance> {
  const instance = await store.getInstance(instanceId);
  if (!instance) {
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
  }
  return instance;
}

/** A fresh run may start unless one is under way (running, queued, interrupted, waiting). */
export function checkStartable(instance: WorkflowInstance, until: string | undefined): void {
  const id = instance.instance_id;
  switch (instance.status) {
    case 'running':
      throw conflict(`Instance "${id}" is already running`);
    case 'queued':
      throw conflict(`Instance "${id}" is queued: it runs once a concurrency slot frees`);
    case 'interrupted':
      throw conflict(
        `Instance "${id}" was interrupted: a worker resumes it; stop it to cancel it instead`,
      );
    case 'waiting':
      throw conflict(
        `Instance "${id}" is waiting: it continues when it wakes or is resumed; stop it to cancel it instead`,
      );
    default:
  }
  if (until !== undefined && !instance.workflow_data.nodes.some((node) => node.id === until)) {
    const message = `The workflow has no step "${until}"`;
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, message, {
      issues: [{ path: 'until', message }],
    });
  }
}

/** Only a failed or cancelled run is retried. */
export function checkRetryable(instance: WorkflowInstance): void {
  if (instance.status === 'failed' || instance.status === 'cancelled') return;
  const id = instance.instance_id;
  const why: Record<string, string> = {
    running: `Instance "${id}" is running; stop it before retrying`,
    completed: `Instance "${id}" completed: there is nothing to retry`,
    interrupted: `Instance "${id}" was interrupted: a worker resumes it`,
  };
  throw conflict(why[instance.status] ?? `Instance "${id}" has not run yet: execute it instead`);
}

/** Only a run left `running` or `interrupted` is resumed. */
export function checkResumable(instance: WorkflowInstance): void {
  if (instance.status === 'running' || instance.status === 'interrupted') return;
  throw conflict(
    `Instance "${instance.instance_id}" can't be resumed (status: ${instance.status})`,
  );
}

/** Only a `waiting` run is woken. */
export function checkWaiting(instance: WorkflowInstance): void {
  if (instance.status === 'waiting') return;
  throw conflict(`Instance "${instance.instance_id}" is not waiting (status: ${instance.status})`);
}

/** The step must exist and, in the run's journal, wait for a resume request. */
export async function checkResumableStep(
  store: WorkflowStore,
  instance: WorkflowInstance,
  stepId: string,
): Promise<void> {
  if (!instance.workflow_data.nodes.some((node) => node.id === stepId)) {
    throw new FlowloomError(
      ErrorCode.NOT_FOUND,
      `Instance "${instance.instance_id}" has no step "${stepId}"`,
    );
  }
  const status = await readStoredStatus(store, instance.instance_id);
  const step = status.steps[stepId];
  if (step?.status !== 'waiting' || !step.wait?.resume) {
    throw conflict(`Step "${stepId}" is not waiting for a resume`);
  }
}

function conflict(message: string): FlowloomError {
  return new FlowloomError(ErrorCode.CONFLICT, message);
}
