import { ErrorCode, type ExecutionEngine, toFlowloomError } from '@flowloom/core';
import type { Redis } from 'ioredis';
import { parseQueueCommand } from './queueCommands';

/**
 * Follows the commands channel: a stop or a resume request for a run this worker executes is
 * applied here. Commands for runs executing elsewhere are someone else's.
 */
export function listenForCommands(
  subscriber: Redis,
  channel: string,
  engine: ExecutionEngine,
  report: (message: string) => void,
): { ready: Promise<void> } {
  const quietly = (instanceId: string) => (error: unknown) => {
    const { code, message } = toFlowloomError(error);
    // Ended or woken meanwhile, or still starting (the stop flag catches that one).
    if (code === ErrorCode.CONFLICT || code === ErrorCode.NOT_FOUND) return;
    report(`[flowloom] A command for run ${instanceId} failed: ${message}`);
  };
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const command = parseQueueCommand(message);
    if (!command || !engine.isRunning(command.instance_id)) return;
    const id = command.instance_id;
    if (command.type === 'stop') {
      engine.stopWorkflow(id, command.reason).catch(quietly(id));
    } else {
      engine.resumeWait(id, command.step_id, command.data).catch(quietly(id));
    }
  });
  return { ready: subscriber.subscribe(channel).then(() => undefined) };
}
