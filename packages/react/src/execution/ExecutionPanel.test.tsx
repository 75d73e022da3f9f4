import {
  applyEventToStatus,
  type ExecutionEvent,
  type ExecutionStatus,
  type LogLevel,
} from '@flowloom/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientResult, SubscribeOptions, WorkflowClient } from '../client/clientTypes';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';
import { ExecutionPanel } from './ExecutionPanel';

const INSTANCE = 'inst_1';
const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function emptyStatus(): ExecutionStatus {
  return {
    instance_id: INSTANCE,
    status: 'pending',
    steps: {},
    progress: { completed: 0, total: 0 },
    started_at: null,
    finished_at: null,
    error: null,
    variables: {},
  };
}

/**
 * A WorkflowClient whose live events the test pushes; its status endpoint answers the status
 * those events lead to, as the server's would.
 */
function createFakeClient() {
  let status = emptyStatus();
  let onEvent: ((event: ExecutionEvent) => void) | undefined;
  let options: SubscribeOptions | undefined;
  let seq = 0;
  const notUsed = async (): Promise<ClientResult<never>> => ({
    success: false,
    error: { code: 'NOT_IMPLEMENTED', message: 'not used by these tests', status: 0 },
  });
  const client: WorkflowClient = {
    baseUrl: '/api/workflow',
    listComponents: notUsed,
    getComponent: notUsed,
    createInstance: notUsed,
    listInstances: notUsed,
    getInstance: notUsed,
    deleteInstance: notUsed,
    executeInstance: notUsed,
    retryInstance: notUsed,
    resumeInstance: notUsed,
    stopInstance: vi.fn(async () => ({
      success: true as const,
      data: { ...status, status: 'cancelled' as const },
    })),
    getStatus: vi.fn(async () => ({ success: true as const, data: status })),
    getLogs: async () => ({ success: true, data: { logs: [] } }),
    saveWorkflow: notUsed,
    loadWorkflow: notUsed,
    listWorkflows: notUsed,
    getWorkflowVersions: notUsed,
    deleteWorkflow: notUsed,
    getWorkflow: notUsed,
    activateWorkflow: notUsed,
    deactivateWorkflow: notUsed,
    exportWorkflow: notUsed,
    importWorkflow: notUsed,
    listCredentials: notUsed,
    getCredential: notUsed,
    createCredential: notUsed,
    updateCredential: notUsed,
    deleteCredential: notUsed,
    subscribe: (_instanceId, listener, subscribeOptions) => {
      onEvent = listener;
      options = subscribeOptions;
      return () => {
        onEvent = undefined;
      };
    },
  };

  return {
    client,
    /** Opens or drops the live stream. */
    connect(connected = true) {
      act(() => options?.onConnectionChange?.(connected));
    },
    /** Delivers events as the server would, numbering them. */
    emit(...events: Array<Omit<ExecutionEvent, 'seq' | 'instance_id'>>) {
      act(() => {
        for (const event of events) {
          seq += 1;
          const numbered = { ...event, seq, instance_id: INSTANCE } as ExecutionEvent;
          status = applyEventToStatus(status, numbered);
          onEvent?.(numbered);
        }
      });
    },
  };
}

type NewEvent = Omit<ExecutionEvent, 'seq' | 'instance_id'>;

const started = (total: number, ms = 0): NewEvent => ({
  event_type: 'execution_started',
  timestamp: at(ms),
  data: { input_data: {}, variables: {}, total_steps: total },
});
const stepStarted = (stepId: string, input: Record<string, unknown>, ms = 0): NewEvent => ({
  event_type: 'step_started',
  step_id: stepId,
  timestamp: at(ms),
  data: { attempt: 1, input_data: input },
});
const stepCompleted = (stepId: string, output: unknown, ms = 0): NewEvent => ({
  event_type: 'step_completed',
  step_id: stepId,
  timestamp: at(ms),
  data: { output_data: output, output_handles: ['output'], duration_ms: 5, attempts: 1 },
});
const log = (stepId: string | undefined, message: string, level: LogLevel = 'info'): NewEvent => ({
  event_type: 'log',
  ...(stepId === undefined ? {} : { step_id: stepId }),
  timestamp: at(0),
  data: { level, message },
});

async function renderPanel(fake = createFakeClient(), props: { onClose?: () => void } = {}) {
  render(
    <WorkflowProvider client={fake.client}>
      <ExecutionPanel instanceId={INSTANCE} {...props} />
    </WorkflowProvider>,
  );
  // The status endpoint's first answer.
  await waitFor(() => expect(fake.client.getStatus).toHaveBeenCalled());
  await act(async () => {});
  return fake;
}

/** The text of each line of a JSON tree, by the tree's name. */
function treeLines(name: string): string[] {
  return within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((line) => line.textContent ?? '');
}

const eventsList = () => screen.getByRole('list', { name: 'Events' });
const logsList = () => screen.getByRole('list', { name: 'Logs' });

// The panel loads on demand: load its chunk once, outside the tests' time.
beforeAll(() => loadWorkbench());

describe('ExecutionPanel', () => {
  it('shows Disconnected until the live stream opens, then Connected', async () => {
    const fake = await renderPanel();
    expect(screen.getByText('Disconnected')).toBeInTheDocument();
    fake.connect();
    await waitFor(() => expect(screen.getByText('Connected')).toBeInTheDocument());
    fake.connect(false);
    await waitFor(() => expect(screen.getByText('Disconnected')).toBeInTheDocument());
  });

  it('shows the status badge as the run goes from pending to running to completed', async () => {
    const fake = await renderPanel();
    expect(screen.getByLabelText('Status: Pending')).toBeInTheDocument();
    fake.emit(started(1));
    await waitFor(() => expect(screen.getByLabelText('Status: Running')).toBeInTheDocument());
    fake.emit(stepStarted('a', {}), stepCompleted('a', {}), {
      event_type: 'execution_completed',
      timestamp: at(1500),
      data: { duration_ms: 1500, progress: { completed: 1, total: 1 } },
    });
    await waitFor(() => expect(screen.getByLabelText('Status: Completed')).toBeInTheDocument());
  });

  it('shows progress as completed / total steps with a progress bar', async () => {
    const fake = await renderPanel();
    fake.emit(
      started(3),
      stepStarted('a', {}),
      stepCompleted('a', { ok: true }),
      stepStarted('b', {}),
    );
    await waitFor(() => expect(screen.getByText('1 / 3 steps')).toBeInTheDocument());
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    expect(bar.firstElementChild).toHaveStyle({ width: '33%' });
  });

  it('shows the elapsed time from started_at to finished_at once the run ended', async () => {
    const fake = await renderPanel();
    fake.emit(started(0, 0), {
      event_type: 'execution_completed',
      timestamp: at(2_500),
      data: { duration_ms: 2_500, progress: { completed: 0, total: 0 } },
    });
    await waitFor(() => expect(screen.getByLabelText('Elapsed time')).toHaveTextContent('2.5s'));
  });

  it('ticks the elapsed time while the run is going on', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      vi.setSystemTime(T0 + 5_000);
      const fake = await renderPanel();
      fake.emit(started(2, 0));
      await waitFor(() => expect(screen.getByLabelText('Elapsed time')).toHaveTextContent('5.0s'));
      act(() => {
        vi.advanceTimersByTime(3_000);
      });
      expect(screen.getByLabelText('Elapsed time')).toHaveTextContent('8.0s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists the events newest first and the log lines', async () => {
    const fake = await renderPanel();
    fake.emit(started(1), stepStarted('fetch', {}), log('fetch', 'calling the API', 'warn'));
    await waitFor(() =>
      expect(within(logsList()).getByText('calling the API')).toBeInTheDocument(),
    );
    const types = within(eventsList())
      .getAllByRole('listitem')
      .map((row) => row.querySelector('.flowloom-event__type')?.textContent);
    expect(types).toEqual(['log', 'step started', 'execution started']);
    expect(within(logsList()).getByText('warn')).toBeInTheDocument();
  });

  it('renders far fewer rows than entries for 10,000 log events', async () => {
    const fake = await renderPanel();
    fake.emit(
      started(1),
      ...Array.from({ length: 10_000 }, (_, index) => log('chatty', `line ${index}`)),
    );
    await waitFor(() => expect(within(logsList()).getByText('line 0')).toBeInTheDocument());
    const logRows = within(logsList()).getAllByRole('listitem');
    expect(logRows.length).toBeGreaterThan(0);
    expect(logRows.length).toBeLessThan(100);
    expect(logRows[0]).toHaveAttribute('aria-setsize', '10000');
    expect(within(eventsList()).getAllByRole('listitem').length).toBeLessThan(100);
    expect(screen.queryByText('line 9999')).not.toBeInTheDocument();
  });

  it('narrows the events and logs to the step chosen in the filter', async () => {
    const fake = await renderPanel();
    fake.emit(
      started(2),
      stepStarted('fetch', { url: 'https://api.example.test/orders', method: 'GET' }),
      log('fetch', 'fetching orders'),
      stepCompleted('fetch', { status_code: 200, body: ['A-1'] }),
      stepStarted('notify', { channel: '#orders' }),
      log('notify', 'notifying'),
    );
    const select = await screen.findByLabelText('Step');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['All steps', 'fetch', 'notify']),
    );

    await userEvent.selectOptions(select, 'fetch');

    expect(within(logsList()).getByText('fetching orders')).toBeInTheDocument();
    expect(within(logsList()).queryByText('notifying')).not.toBeInTheDocument();
    expect(within(eventsList()).getAllByRole('listitem')).toHaveLength(3);

    await userEvent.selectOptions(select, '');
    expect(within(logsList()).getByText('notifying')).toBeInTheDocument();
  });

  it('shows the chosen step’s input and output as trees in the Step data tab', async () => {
    const fake = await renderPanel();
    fake.emit(
      started(2),
      stepStarted('fetch', { url: 'https://api.example.test/orders', method: 'GET' }),
      stepCompleted('fetch', { status_code: 200, body: ['A-1'] }),
    );
    await userEvent.click(await screen.findByRole('tab', { name: 'Step data' }));
    await userEvent.selectOptions(screen.getByLabelText('Inspect step'), 'fetch');
    const details = await screen.findByRole('region', { name: 'Step fetch' });
    expect(treeLines('Input of fetch')).toEqual([
      '{…} 2 keys',
      'url: "https://api.example.test/orders"',
      'method: "GET"',
    ]);
    expect(treeLines('Output of fetch')).toEqual([
      '{…} 2 keys',
      'status_code: 200',
      'body: […] 1 item',
    ]);
    expect(within(details).getByText('Completed')).toBeInTheDocument();
    expect(within(details).getByText('Took output')).toBeInTheDocument();
  });

  it('opens the Step data tab on a step clicked in the events list', async () => {
    const fake = await renderPanel();
    fake.emit(started(1), stepStarted('only', { n: 1 }));
    const stepButton = await within(eventsList()).findByRole('button', { name: 'only' });
    fireEvent.click(stepButton);
    expect(screen.getByRole('tab', { name: 'Step data' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('region', { name: 'Step only' })).toBeInTheDocument();
    expect(screen.getByLabelText('Inspect step')).toHaveValue('only');
  });

  it("shows a failed run's error and the failed step's error", async () => {
    const fake = await renderPanel();
    fake.emit(
      started(1),
      stepStarted('parse', { text: '{' }),
      {
        event_type: 'step_failed',
        step_id: 'parse',
        timestamp: at(10),
        data: {
          error: { code: 'PARSE_ERROR', message: 'Unexpected end of JSON' },
          attempts: 1,
          duration_ms: 1,
          output_handles: [],
        },
      },
      {
        event_type: 'execution_failed',
        timestamp: at(11),
        data: {
          duration_ms: 11,
          error: { code: 'PARSE_ERROR', message: 'Unexpected end of JSON', step_id: 'parse' },
        },
      },
    );
    await waitFor(() => expect(screen.getByLabelText('Status: Failed')).toBeInTheDocument());
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
      'PARSE_ERROR: Unexpected end of JSON (step parse)',
    );
    fireEvent.click(within(eventsList()).getAllByRole('button', { name: 'parse' })[0]!);
    const details = await screen.findByRole('region', { name: 'Step parse' });
    expect(within(details).getByRole('alert')).toHaveTextContent(
      'PARSE_ERROR: Unexpected end of JSON',
    );
    expect(within(details).getByText('No output yet.')).toBeInTheDocument();
  });

  it('offers Stop only while the run is going on, and stops it', async () => {
    const fake = await renderPanel();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    fake.emit(started(1));
    await userEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(fake.client.stopInstance).toHaveBeenCalledWith(INSTANCE);
  });

  it('shows an interrupted run as such, explains it resumes, and offers Stop to cancel it', async () => {
    const fake = await renderPanel();
    fake.emit(started(2), stepStarted('fetch', {}), {
      event_type: 'execution_interrupted',
      timestamp: at(5),
      data: { duration_ms: 5, reason: 'The server shut down before the run ended' },
    });
    const badge = await screen.findByLabelText('Status: Interrupted');
    expect(badge).toHaveAttribute(
      'title',
      'Interrupted by a restart; it resumes when the server is back',
    );
    expect(
      within(eventsList()).getByText(
        'Interrupted by a restart; it resumes when the server is back',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(fake.client.stopInstance).toHaveBeenCalledWith(INSTANCE);
  });

  it('calls onClose from the Close button, and has none without onClose', async () => {
    const onClose = vi.fn();
    await renderPanel(createFakeClient(), { onClose });
    await userEvent.click(screen.getByRole('button', { name: 'Close execution panel' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows an idle panel without an instance', () => {
    render(
      <WorkflowProvider client={createFakeClient().client}>
        <ExecutionPanel />
      </WorkflowProvider>,
    );
    expect(screen.getByLabelText('Status: Idle')).toBeInTheDocument();
    expect(screen.getByText('0 / 0 steps')).toBeInTheDocument();
    expect(screen.getByText('No events yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close execution panel' })).not.toBeInTheDocument();
  });
});
