import type { WorkflowLimits } from '../limits/workflowLimits';
import type { LogLevel } from '../schema/logEntry';
import type { WorkflowStore } from '../store/WorkflowStore';
import { checkStepData } from './checkStepData';
import type { EventJournal } from './EventJournal';

/** The longest log message kept whole; longer ones are cut. */
const MAX_LOG_MESSAGE_CHARS = 10_000;

/**
 * A run's log lines: writes each as a `log` event and keeps the run's log table to
 * `limits.maxLogLinesPerRun` lines: past it, one notice, then the oldest lines are dropped in
 * batches once they are stored. Events stay: they are the journal a resume replays and the
 * WebSocket's history.
 */
export class RunLog {
  /** `seq` of each log line the run keeps in the store, oldest first. */
  private seqs: number[] = [];
  /** `seq` of the notice that lines were dropped, once written. */
  private noticeSeq: number | undefined;
  /** The trims in flight, one after another. */
  private trimming: Promise<void> = Promise.resolve();

  constructor(
    private readonly journal: EventJournal,
    private readonly store: WorkflowStore,
    private readonly instanceId: string,
    private readonly limits: WorkflowLimits,
  ) {}

  /** Writes one line: long messages are cut, data past the limits is replaced by a note. */
  write(stepId: string, level: LogLevel, message: string, data: unknown): void {
    const text =
      message.length > MAX_LOG_MESSAGE_CHARS
        ? `${message.slice(0, MAX_LOG_MESSAGE_CHARS)}… (${message.length - MAX_LOG_MESSAGE_CHARS} more characters cut)`
        : message;
    let bytes = text.length;
    let detail = data;
    if (data !== undefined) {
      const checked = checkStepData(data, undefined, this.limits);
      if (checked.ok) bytes += checked.bytes;
      else detail = `[log data dropped: ${checked.failure.message}]`;
    }
    const event = this.journal.append(
      'log',
      detail === undefined ? { level, message: text } : { level, message: text, data: detail },
      stepId,
      bytes,
    );
    if (event) this.count(event.seq);
  }

  private count(seq: number): void {
    const cap = this.limits.maxLogLinesPerRun;
    this.seqs.push(seq);
    if (this.seqs.length <= cap) return;
    if (this.noticeSeq === undefined) {
      this.noticeSeq = this.journal.append('log', {
        level: 'warn',
        message: `This run wrote more than ${cap} log lines: its oldest lines are dropped from the log`,
      })?.seq;
    }
    if (this.seqs.length - cap >= Math.min(1_000, Math.ceil(cap / 10))) this.trim();
  }

  /** Drops the log lines past the cap from the store, after they were stored. */
  trim(): void {
    const excess = this.seqs.length - this.limits.maxLogLinesPerRun;
    if (excess <= 0) return;
    const beforeSeq = this.seqs[excess]!;
    this.seqs = this.seqs.slice(excess);
    const keepSeq = this.noticeSeq;
    this.trimming = this.trimming
      .then(() => this.journal.flush())
      .then(() => this.store.trimLogs(this.instanceId, beforeSeq, keepSeq))
      // The log table is a convenience copy of the journal: a failed trim loses nothing.
      .catch(() => {});
  }

  /** Settles once the trims started so far are done. */
  settled(): Promise<void> {
    return this.trimming;
  }
}
