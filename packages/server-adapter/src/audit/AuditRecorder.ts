import type { AuditEntry, WorkflowStore } from '@flowloom/core';
import type { ErrorReporter } from '../http/errorResponse';

/**
 * The host's own audit sink (`onAudit` of `createWorkflowServer`): called with each entry once
 * it is stored (with its `audit_id`). What it throws or rejects with is logged, never answered.
 */
export type AuditHook = (entry: AuditEntry & { audit_id?: string }) => void | Promise<void>;

/**
 * Writes audit entries to the store and hands them to the host's hook. The action an entry
 * records has already happened: a failure to record it is logged, and never turns the
 * request's answer into an error.
 */
export class AuditRecorder {
  constructor(
    private readonly store: WorkflowStore,
    private readonly hook: AuditHook | undefined,
    private readonly reporter: ErrorReporter,
  ) {}

  /** Stores an entry (its promise settles once it is stored, or its failure logged). */
  async record(entry: AuditEntry): Promise<void> {
    let recorded: AuditEntry & { audit_id?: string } = entry;
    try {
      recorded = await this.store.appendAudit(entry);
    } catch (error) {
      this.reporter.error(
        `[flowloom] Storing the audit entry of ${entry.action} ${entry.resource_id ?? ''} failed`,
        error,
      );
    }
    this.callHook(recorded);
  }

  /** Calls the hook without waiting for it: a slow sink must not hold requests. */
  private callHook(entry: AuditEntry & { audit_id?: string }): void {
    const hook = this.hook;
    if (!hook) return;
    const report = (error: unknown) =>
      this.reporter.error('[flowloom] The onAudit hook failed', error);
    try {
      const result = hook(entry);
      if (result && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).then(undefined, report);
      }
    } catch (error) {
      report(error);
    }
  }
}
