import { countOf } from './countOf';

const count = countOf('en');

/** "1 error", "3 errors": a count and its noun. */
const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

/** "2 errors · 1 warning": the parts that are not zero. */
const problemCount = (errors: number, warnings: number, separator: string) =>
  [
    errors > 0 ? plural(errors, 'error', 'errors') : '',
    warnings > 0 ? plural(warnings, 'warning', 'warnings') : '',
  ]
    .filter(Boolean)
    .join(separator);

/**
 * The English words of what the editor shows at first: toolbar, palette, canvas, nodes, side
 * panel and the editor's messages (in the initial bundle). Part of `en`; a function takes what
 * the sentence needs.
 */
export const enCore = {
  /** The BCP 47 tag the catalogue is written in: dates, numbers and durations use it. */
  locale: 'en',
  common: {
    cancel: 'Cancel',
    close: 'Close',
    loading: 'Loading…',
    /** Stands for a value that is not there (a run not started, no version). */
    none: '—',
  },
  /** Run and step statuses. */
  status: {
    idle: 'Idle',
    pending: 'Pending',
    queued: 'Queued',
    running: 'Running',
    interrupted: 'Interrupted',
    waiting: 'Waiting',
    completed: 'Completed',
    failed: 'Failed',
    cancelled: 'Cancelled',
    skipped: 'Skipped',
  },
  toolbar: {
    region: 'Workflow',
    back: 'Back',
    leaveQuestion: 'You have unsaved changes. Leave without saving?',
    name: 'Workflow name',
    untitled: 'Untitled workflow',
    unsaved: 'Unsaved changes',
    undo: 'Undo',
    undoHint: 'Undo (Ctrl/Cmd+Z)',
    redo: 'Redo',
    redoHint: 'Redo (Shift+Ctrl/Cmd+Z)',
    delete: 'Delete',
    deleteHint: 'Delete the selection (Delete)',
    autoLayout: 'Auto-layout',
    fitView: 'Fit view',
    export: 'Export',
    exportHint: 'Download the saved workflow as a .flowloom.json file',
    exportNeedsSave: 'Save the workflow to export it',
    import: 'Import',
    importHint: 'Open a .flowloom.json file as a new workflow',
    importFile: 'Workflow file to import',
    importQuestion: 'You have unsaved changes. Import another workflow without saving them?',
    dismiss: 'Dismiss message',
    save: 'Save',
    execute: 'Execute',
    executeHint: 'Run the workflow (Ctrl/Cmd+Enter)',
    moreExecute: 'More ways to execute',
    executeMenu: 'Execute options',
    executeWithInput: 'Execute with input…',
    problems: (errors: number, warnings: number) => problemCount(errors, warnings, ' · '),
    problemsHint: 'Show the problems, by node',
  },
  commands: {
    saved: 'Workflow saved successfully!',
    problemsToFix: (problems: number) =>
      `${plural(problems, 'problem', 'problems')} to fix before it can run.`,
    savedOver: (version: number) =>
      `It was saved over version ${count(version)}, which stays in the version history.`,
    saveFailed: (message: string) => `Save failed: ${message}`,
    cannotExecuteInvalid: (problems: number) =>
      `Cannot execute: the workflow has ${plural(problems, 'problem', 'problems')}.`,
    cannotExecute: (message: string) => `Cannot execute: ${message}`,
    executionNotStarted: (message: string) => `Execution failed to start: ${message}`,
    executionStarted: 'Execution started.',
    loading: 'Loading workflow…',
    loadFailed: (message: string) => `Could not load the workflow: ${message}`,
    reloaded: (version: number) => `Reloaded version ${count(version)}.`,
    autoLayoutFailed: (message: string) => `Auto-layout failed: ${message}`,
  },
  palette: {
    region: 'Components',
    search: 'Search components',
    placeholder: 'Search components…',
    none: (query: string) => `No components match “${query}”.`,
    loading: 'Loading components…',
    serverFailed: (message: string) =>
      `Could not load the server's components (${message}); showing the built-in ones.`,
    added: (name: string) => `Added ${name} to the canvas.`,
    /** Headings of the component categories; an unknown category shows as written. */
    categories: {
      triggers: 'Triggers',
      data_processing: 'Data processing',
      logic: 'Logic',
      integrations: 'Integrations',
      output_actions: 'Output actions',
      utilities: 'Utilities',
    } as Record<string, string>,
  },
  canvas: {
    region: 'Workflow canvas',
    minimap: 'Workflow minimap',
    /** What a screen reader calls a node and an edge (`aria-roledescription`). */
    nodeRole: 'step',
    edgeRole: 'connection',
    edge: (source: string, target: string) => `Connection from ${source} to ${target}`,
    invalidEdge: (source: string, target: string) =>
      `Connection from ${source} to ${target} (has a problem)`,
    nodeDescription:
      'Press Enter or Space to select the step, Delete to remove it, Shift+F10 for its actions (Connect to…), arrow keys to move it.',
    edgeDescription:
      'Press Enter or Space to select the connection, then Delete to remove it or Escape to cancel.',
    moved: (direction: string, x: number, y: number) =>
      `Moved the selected step ${direction}. New position: x ${count(x)}, y ${count(y)}`,
    /** The directions `moved` is told. */
    directions: { up: 'up', down: 'down', left: 'left', right: 'right' } as Record<string, string>,
    handle: 'Connection handle',
    controls: 'Zoom controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitView: 'Fit view',
    interactive: 'Toggle interactivity',
    refusals: {
      self_loop: 'A step cannot connect to itself.',
      cycle: 'That connection would make a cycle.',
      wrong_direction: 'Connect an output handle to an input handle.',
      duplicate: 'Those handles are already connected.',
      unknown_handle: 'That handle does not exist on this component.',
    },
  },
  node: {
    errors: (errors: number) => plural(errors, 'error', 'errors'),
    warnings: (warnings: number) => plural(warnings, 'warning', 'warnings'),
    disabled: 'Disabled',
    unknown: 'Unknown component',
    /** A node's accessible name: its label, its component when the label differs, its status. */
    label: (label: string, component: string | undefined, status: string | undefined) =>
      [component === undefined ? label : `${label} (${component})`, status]
        .filter(Boolean)
        .join(', '),
    input: (handle: string | undefined, node: string) =>
      handle === undefined ? `Input of ${node}` : `Input “${handle}” of ${node}`,
    output: (handle: string | undefined, node: string) =>
      handle === undefined ? `Output of ${node}` : `Output “${handle}” of ${node}`,
    outputHint: 'Press Enter to connect it to another step',
    inputHint: 'Press Enter to connect another step to it',
  },
  emptyCanvas: {
    region: 'Getting started',
    hint: 'Drag a trigger from the left to start',
    or: 'or start with one of these:',
    startWith: (name: string) => `Start with ${name}`,
  },
  sidePanel: {
    region: 'Node settings',
    tabs: 'Node panel',
    parameters: 'Parameters',
    settings: 'Settings',
    several: (nodes: number) =>
      `${plural(nodes, 'node', 'nodes')} selected. Select one node to edit its settings.`,
    none: 'Select a node to edit its settings.',
  },
  problems: {
    title: 'Problems',
    workflow: 'Workflow',
    count: (errors: number, warnings: number) => problemCount(errors, warnings, ', '),
    error: 'Error:',
    warning: 'Warning:',
    show: (name: string) => `Show ${name}`,
    /** The editor's own graph check. */
    selfLoop: 'It is connected to itself: a step cannot run after itself.',
    cycle: (others: readonly string[]) =>
      `It is on a cycle with ${others.join(', ')}: remove one of the connections to break it.`,
    unreachable: 'It cannot be reached from a trigger and will be skipped.',
  },
  dock: {
    show: 'Runs',
    showHint: 'Show the execution panel: the last run, step data and the run history',
    resize: 'Resize the execution panel',
  },
  errorBoundary: {
    title: 'Something went wrong with the workflow editor.',
    tryAgain: 'Try again',
  },
};
