import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ExecutionStatus } from '../schema/executionStatus';
import { isFinalInstanceStatus } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { abortableSleep } from './abortableSleep';
import type { ChildRunHost } from './ChildRunner';
import { childInterrupted, missingChild } from './childErrors';
import type { ChildEnd } from './stepControl';
import { workflowOutputOf } from './workflowOutputOf';

/** What following a child needs of the engine. */
export type ChildFollowHost = Pick<
  ChildRunHost,
  'store' | 'startWorkflow' | 'resumeWorkflow' | 'liveRunEnd' | 'getStatus' | 'subscribe'
>;

/** How often a step waiting for a child another process runs looks at the store again. */
const POLL_MS = 2_000;
/** The first pause before trying again a child refused for want of a run slot; it doubles. */
const FULL_FIRST_MS = 100;
/** The longest such pause: the step keeps trying (a stop or its timeout ends it). */
const FULL_MAX_MS = 5_000;

/**
 * Runs a child from where it stands until it ends or waits: starts a pending one, resumes an
 * interrupted one, follows one running here or elsewhere. A start refused `TOO_MANY_RUNS`
 * is tried again after a pause (doubling up to 5 s), not failed: the parent holds its own slot,
 * and the child gets one as other runs end.
 *
 * @throws FlowloomError `SHUTTING_DOWN` when the engine closes (the child could not start, or it
 * was interrupted here), `SUB_WORKFLOW_FAILED` when the child vanished; rejects when `signal`
 * aborts.
 */
export async function followChild(
  host: ChildFollowHost,
  first: WorkflowInstance,
  input: Record<string, unknown>,
  signal: AbortSignal,
): Promise<ChildEnd> {
  const id = first.instance_id;
  let child: WorkflowInstance | null = first;
  let pauseMs = FULL_FIRST_MS;
  while (child) {
    if (signal.aborted) throw signal.reason;
    const { status } = child;
    if (status === 'waiting') return { instance_id: id, status: 'waiting' };
    if (isFinalInstanceStatus(status)) {
      return storedEnd(child, await host.getStatus(id));
    }
    const liveDone = host.liveRunEnd(id);
    const run = liveDone ? { done: liveDone } : await startOrResume(host, child, input);
    if (run === 'full') {
      await abortableSleep(pauseMs, signal);
      pauseMs = Math.min(FULL_MAX_MS, pauseMs * 2);
    } else if (run) {
      const end = liveEnd(child, await untilAborted(run.done, signal));
      if (end) return end;
    } else {
      // It runs elsewhere (or is being claimed here): wait for a change, then look again.
      await nextChange(host, id, signal);
    }
    child = await host.store.getInstance(id);
  }
  throw missingChild(id);
}

/**
 * Starts a pending child, resumes an interrupted one: its `done`; `'full'` when no run slot is
 * free; `undefined` when another claim won (or it is neither).
 */
async function startOrResume(
  host: ChildFollowHost,
  child: WorkflowInstance,
  input: Record<string, unknown>,
): Promise<{ done: Promise<ExecutionStatus> } | 'full' | undefined> {
  if (child.status !== 'pending' && child.status !== 'interrupted') return undefined;
  try {
    const started =
      child.status === 'pending'
        ? await host.startWorkflow(child.instance_id, input)
        : await host.resumeWorkflow(child.instance_id);
    return { done: started.done };
  } catch (error) {
    const { code } = toFlowloomError(error);
    if (code === ErrorCode.CONFLICT) return undefined;
    if (code === ErrorCode.TOO_MANY_RUNS) return 'full';
    throw error;
  }
}

/** What the end of a child's run here means for its step; `undefined`: it goes on elsewhere. */
function liveEnd(child: WorkflowInstance, status: ExecutionStatus): ChildEnd | undefined {
  // The engine shut down under it: the parent step is abandoned too, and both resume.
  if (status.status === 'interrupted') throw childInterrupted(child.instance_id);
  // Still running: another process took its lease over and goes on with it.
  if (status.status === 'running' || status.status === 'queued') return undefined;
  return storedEnd(child, status);
}

/** What a child's state means for its parent step. */
function storedEnd(child: WorkflowInstance, status: ExecutionStatus): ChildEnd {
  const instance_id = child.instance_id;
  switch (status.status) {
    case 'completed':
      return {
        instance_id,
        status: 'completed',
        output: workflowOutputOf(child.workflow_data, status),
      };
    case 'failed':
    case 'cancelled':
      return {
        instance_id,
        status: status.status,
        error: status.error ?? { code: ErrorCode.STEP_FAILED, message: `The run ${status.status}` },
      };
    default:
      // Waiting, or interrupted with no process holding it: it wakes its parent at its end.
      return { instance_id, status: 'waiting' };
  }
}

/** Resolves on the child's next lifecycle event, or after a while (it may run elsewhere). */
function nextChange(host: ChildFollowHost, instanceId: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, POLL_MS);
    const unsubscribe = host.subscribe(instanceId, (event) => {
      if (!event.event_type.startsWith('execution_')) return;
      done();
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The promise, or the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
