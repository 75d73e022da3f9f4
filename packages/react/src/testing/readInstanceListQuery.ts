import {
  type ErrorIssue,
  type InstanceStatus,
  InstanceStatusSchema,
  type ListInstanceSummariesOptions,
} from '@flowloom/core';
import { invalidInput } from './errorAnswer';
import { readQuery } from './readQuery';

/**
 * Reads `GET /instances` filters and paging as the server does: several statuses
 * comma-separated, ISO times, `limit` up to 200, `offset` ignored beside a `cursor`.
 *
 * @throws FlowloomError `VALIDATION_FAILED` naming every bad parameter.
 */
export function readInstanceListQuery(url: URL): ListInstanceSummariesOptions {
  const paging = readQuery(url, {
    limit: { min: 1, max: 200, default: 50 },
    offset: { min: 0, default: 0 },
  });
  const text = (name: string) => url.searchParams.get(name) ?? undefined;
  const issues: ErrorIssue[] = [];
  let statuses: InstanceStatus[] | undefined;
  const status = text('status');
  if (status !== undefined) {
    const parts = status.split(',');
    if (parts.every((part) => InstanceStatusSchema.safeParse(part).success)) {
      statuses = parts as InstanceStatus[];
    } else {
      issues.push({
        path: 'status',
        message: `Expected statuses among ${InstanceStatusSchema.options.join(', ')}, comma-separated`,
      });
    }
  }
  const time = (name: 'created_after' | 'created_before') => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(parsed)) {
      issues.push({ path: name, message: 'Invalid ISO time' });
      return undefined;
    }
    return new Date(parsed).toISOString();
  };
  const created_after = time('created_after');
  const created_before = time('created_before');
  if (issues.length > 0) throw invalidInput('query', issues);
  return {
    ...paging,
    workflow_id: text('workflow_id'),
    statuses,
    created_after,
    created_before,
    trigger_type: text('trigger_type'),
    parent_instance_id: text('parent_instance_id'),
    cursor: text('cursor'),
  };
}
