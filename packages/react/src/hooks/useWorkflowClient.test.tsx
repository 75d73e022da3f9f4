import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { getDefaultWorkflowClient } from '../client/getDefaultWorkflowClient';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useWorkflowClient } from './useWorkflowClient';
import { WorkflowProvider } from './WorkflowProvider';

describe('useWorkflowClient', () => {
  it('returns the provider’s client', () => {
    const client = new FakeWorkflowClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <WorkflowProvider client={client}>{children}</WorkflowProvider>
    );
    expect(renderHook(() => useWorkflowClient(), { wrapper }).result.current).toBe(client);
  });

  it('returns the default client on /api/workflow without a provider', () => {
    const { result } = renderHook(() => useWorkflowClient());
    expect(result.current).toBe(getDefaultWorkflowClient());
    expect(result.current.baseUrl).toBe('/api/workflow');
  });
});
