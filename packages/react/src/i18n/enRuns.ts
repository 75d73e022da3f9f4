import { countOf } from './countOf';

const count = countOf('en');

const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

/**
 * The English words of the run side, loaded with it: the execution panel, events, logs, the
 * timeline, step data, waiting steps, related runs and the JSON trees. Part of `en`.
 */
export const enRuns = {
  panel: {
    region: 'Execution',
    title: 'Execution',
    tabs: 'Execution panel',
    run: 'Run',
    step: 'Step data',
    history: 'History',
    stop: 'Stop',
    close: 'Close',
    closePanel: 'Close execution panel',
    noRun: 'No run yet: Execute the workflow, or open one from History.',
    opened: (version: number | null) =>
      version === null ? 'A run from history.' : `A run of version ${count(version)} from history.`,
    readOnly: (version: number) => `Version ${count(version)} is shown read-only on the canvas.`,
    trigger: (type: string, stepId: string) => `Started by its ${type} trigger (${stepId}).`,
    backToLive: 'Back to the latest run',
    closeRun: 'Close this run',
    versionFailed: (message: string) => `The version it ran could not be shown: ${message}`,
    stepError: (stepName: string) => ` (step ${stepName})`,
    status: (status: string) => `Status: ${status}`,
    interrupted: 'Interrupted by a restart; it resumes when the server is back',
    waiting: 'Waiting: it continues when its wait ends or it is resumed',
    queued: 'Queued: it starts once another run of its team or workflow ends',
    connected: 'Connected',
    disconnected: 'Disconnected',
    progress: 'Progress',
    steps: (completed: number, total: number) => `${count(completed)} / ${count(total)} steps`,
    stepsOf: (completed: number, total: number) => `${count(completed)} of ${count(total)} steps`,
    elapsed: 'Elapsed',
    elapsedTime: 'Elapsed time',
    retry: 'Retry from failed step',
    retryHint:
      'Runs the failed and cancelled steps again, and everything after them; completed steps keep their outputs.',
  },
  activity: {
    events: 'Events',
    logs: 'Logs',
    noEvents: 'No events yet.',
    noLogs: 'No logs yet.',
    step: 'Step',
    allSteps: 'All steps',
    showStep: (name: string) => `Show step ${name}`,
    /** Log levels (core's `LogLevel`). */
    levels: { debug: 'debug', info: 'info', warn: 'warn', error: 'error' } as Record<
      string,
      string
    >,
  },
  /** What each execution event says in the events list and the timeline. */
  events: {
    /** Each event type's name; an unknown type shows as written. */
    types: {
      execution_queued: 'execution queued',
      execution_started: 'execution started',
      execution_completed: 'execution completed',
      execution_failed: 'execution failed',
      execution_cancelled: 'execution cancelled',
      execution_interrupted: 'execution interrupted',
      execution_resumed: 'execution resumed',
      execution_waiting: 'execution waiting',
      execution_retried: 'execution retried',
      step_started: 'step started',
      step_completed: 'step completed',
      step_failed: 'step failed',
      step_retrying: 'step retrying',
      step_skipped: 'step skipped',
      step_waiting: 'step waiting',
      step_resumed: 'step resumed',
      log: 'log',
    } as Record<string, string>,
    totalSteps: (steps: number) => plural(steps, 'step', 'steps'),
    attempt: (attempt: number) => `attempt ${count(attempt)}`,
    completedIn: (duration: string, handles: readonly string[]) =>
      `in ${duration}${handles.length > 0 ? ` → ${handles.join(', ')}` : ''}`,
    retrying: (attempt: number, message: string, delay: string) =>
      `attempt ${count(attempt)} failed (${message}); retrying in ${delay}`,
    /** Why a step was skipped (core's skip reasons); an unknown one shows as written. */
    skipped: {
      branch_not_taken: 'branch not taken',
      unreachable: 'unreachable',
      not_needed: 'not needed for this run',
      not_triggered: 'its trigger did not fire',
      disabled: 'disabled',
    } as Record<string, string>,
    finished: (completed: number, total: number, duration: string) =>
      `${count(completed)} / ${count(total)} steps in ${duration}`,
    resumedAfterRestart: (steps: readonly string[]) =>
      steps.length > 0
        ? `resumed after a restart; running again: ${steps.join(', ')}`
        : 'resumed after a restart',
    interrupted: 'Interrupted by a restart; it resumes when the server is back',
    queued: 'Queued: it starts once another run of its team or workflow ends',
    waitingToResume: 'waiting to be resumed',
    waitingUntil: (time: string) => `waiting until ${time}`,
    waiting: 'waiting',
    resumed: 'resumed',
    resumedWith: (data: string) => `resumed with ${data}`,
    runWaiting: (time: string | undefined) =>
      time === undefined
        ? 'Waiting: it continues when its wait ends or it is resumed'
        : `Waiting: it continues when its wait ends or it is resumed (wakes ${time})`,
    retriedFrom: (steps: readonly string[]) =>
      steps.length > 0 ? `retrying from ${steps.join(', ')}` : 'retrying',
  },
  timeline: {
    label: 'Timeline',
    before: 'Before the run started',
    event: (seq: number, total: number, what: string) =>
      `Event ${count(seq)} of ${count(total)}: ${what}`,
    latest: 'Latest',
    latestHint: 'Show the run as it is now, following new events',
  },
  stepData: {
    choose: 'Inspect step',
    none: 'Choose a step',
    selectNode: 'Select a node on the canvas to see what it received and returned in this run.',
    chooseStep: 'Choose a step to see what it received and returned in this run.',
  },
  inspector: {
    region: (name: string) => `Step ${name}`,
    attempts: (attempts: number) => plural(attempts, 'attempt', 'attempts'),
    handles: (handles: readonly string[]) => `Took ${handles.join(', ')}`,
    noHandles: 'Took no handle',
    waitsForResume: 'Waits to be resumed (an approval)',
    wakesAt: (time: string) => `Wakes ${time}`,
    input: 'Input',
    inputHint: 'Its parameters with every expression resolved',
    inputOf: (name: string) => `Input of ${name}`,
    noInput: 'No input yet: the step has not started.',
    output: 'Output',
    outputHint: 'Click a value to copy the expression that reads it',
    outputOf: (name: string) => `Output of ${name}`,
    noOutput: 'No output yet.',
    logs: 'Logs',
    noLogs: 'No logs.',
  },
  waiting: {
    region: 'Waiting steps',
    waitsForResume: 'waits for approval',
    waits: 'waits',
    wakes: (time: string) => `wakes ${time}`,
    timesOut: (time: string) => `times out ${time}`,
    approve: 'Approve',
    approveStep: (name: string) => `Approve ${name}`,
    reject: 'Reject',
    rejectStep: (name: string) => `Reject ${name}`,
    failed: (name: string, message: string) => `Could not resume ${name}: ${message}`,
  },
  related: {
    region: 'Related runs',
    parent: 'Started by run',
    openParent: (id: string) => `Open the run ${id} that started this one`,
    children: 'Sub-workflow runs',
    open: 'Open',
    openChild: (name: string, time: string) => `Open sub-workflow run ${name} started ${time}`,
  },
  json: {
    root: 'value',
    expand: (name: string) => `Expand ${name}`,
    collapse: (name: string) => `Collapse ${name}`,
    copy: (expression: string) => `Copy ${expression}`,
    copied: (expression: string) => `Copied ${expression}`,
    copyFailed: 'The browser refused to copy: select the text instead.',
    items: (items: number) => plural(items, 'item', 'items'),
    keys: (keys: number) => plural(keys, 'key', 'keys'),
  },
};
