import { countOf } from './countOf';

const count = countOf('en');

/** "1 parameter", "3 parameters": a count and its noun. */
const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

/**
 * The English words of the canvas parts loaded on demand: menus, the component and connection
 * pickers, a node's parameters and run settings, credentials and the new-credential form, a
 * save's version conflict, "Execute with input…", Export and Import. Part of `en`.
 */
export const enCanvas = {
  settings: {
    form: (name: string) => `${name} run settings`,
    disabled: 'Disable this step',
    disabledHelp:
      'A disabled step is skipped when the workflow runs; the steps after it still run.',
    retries: 'Retries',
    retriesHelp: 'How many more times a failed step is tried (0 to 99).',
    backoff: 'Wait before retrying (ms)',
    backoffHelp: 'The wait before the first retry.',
    multiplier: 'Backoff multiplier',
    multiplierHelp: 'Each further wait is the last one times this (1 to 100).',
    timeout: 'Timeout (ms)',
    timeoutHelp: 'Time limit for one attempt; empty for none.',
    onError: 'On error',
    onErrorHelp: 'What a failure of this step does once its retries are used up.',
    fail: 'Fail the run',
    errorBranch: 'Take the error branch',
    continue: 'Continue',
    pinned: 'Pinned test input',
    pinnedHelp:
      'Runs started from the editor use this as their input when no other input is given: read it as {{ input.<field> }}. Saved with the workflow.',
  },
  menus: {
    node: 'Node actions',
    pane: 'Canvas actions',
    runUpToHere: 'Run up to here',
    connectTo: 'Connect to…',
    duplicate: 'Duplicate',
    disable: 'Disable',
    enable: 'Enable',
    copy: 'Copy',
    delete: 'Delete',
    addNode: 'Add node…',
    paste: 'Paste',
    autoLayout: 'Auto-layout',
    pickStep: 'Add a step',
    pickConnected: 'Add a connected step',
  },
  picker: {
    search: 'Search components',
    placeholder: 'Search components…',
    none: (query: string) => `No components match “${query}”.`,
  },
  connect: {
    to: (name: string) => `Connect ${name} to…`,
    from: (name: string) => `Connect to ${name} from…`,
    search: 'Search steps',
    placeholder: 'Search steps…',
    none: 'No step can be connected here.',
    noMatch: (query: string) => `No steps match “${query}”.`,
    /** One choice: a step, and the handle used when the step has several. */
    option: (node: string, handle: string | undefined) =>
      handle === undefined ? node : `${node} · ${handle}`,
    connected: (source: string, target: string) => `Connected ${source} to ${target}.`,
    refused: (reason: string) => `Not connected: ${reason}`,
  },
  credentialForm: {
    createFailed: (message: string) => `Could not create the credential: ${message}`,
    title: 'New credential',
    name: 'Credential name',
    type: 'Credential type',
    other: 'Other (named fields)',
    typeName: 'Type name',
    types: {
      bearer: 'Bearer token',
      basic: 'Basic auth (user and password)',
      header: 'Header (name and value)',
    },
    fieldLabels: {
      token: 'Token',
      username: 'Username',
      password: 'Password',
      name: 'Header name',
      value: 'Header value',
    } as Record<string, string>,
    fields: 'Fields',
    fieldName: (row: number) => `Field ${row} name`,
    fieldValue: (row: number) => `Field ${row} value`,
    fieldNamePlaceholder: 'Field name',
    fieldValuePlaceholder: 'Value',
    removeField: (row: number) => `Remove field ${row}`,
    addField: 'Add field',
    fillIn: (label: string) => `Fill in ${label}.`,
    nameEveryField: 'Name every field that has a value.',
    givenTwice: (name: string) => `Field "${name}" is given twice.`,
    addAField: 'Add a field.',
    needsName: 'Give the credential a name.',
    needsType: 'Name the credential type.',
    creating: 'Creating…',
    submit: 'Create credential',
  },
  conflict: {
    title: 'Not saved: this workflow was changed elsewhere',
    explain: (currentVersion: number, baseVersion: number | undefined) =>
      `Someone saved version ${count(currentVersion)} while you were editing${
        baseVersion === undefined ? '' : ` version ${count(baseVersion)}`
      }. Nothing was saved, and your changes are still here.`,
    reload: 'Reload',
    reloadHint: (version: number) => `Load version ${count(version)}, discarding your changes`,
    reloadQuestion: (version: number) =>
      `Reload version ${count(version)}? Your unsaved changes will be lost.`,
    overwrite: 'Overwrite',
    overwriteHint: (version: number) =>
      `Save your changes as the newest version; version ${count(version)} stays in the history`,
  },
  runInput: {
    title: 'Execute with input',
    label: 'Run input (JSON object)',
    help: 'The run starts with this as its input: read it in parameters as {{ input.<field> }}. It is remembered for this workflow in this browser.',
    execute: 'Execute',
    notJson: (message: string) => `Not valid JSON: ${message}`,
    notObject: 'The input must be a JSON object, e.g. { "order_id": 42 }.',
  },
  parameters: {
    form: (name: string) => `${name} settings`,
    unknownType: (type: string) =>
      `This node's component type "${type}" is not known to the server.`,
    nodeErrors: 'Node problems',
    nodeWarnings: 'Node warnings',
    label: 'Label',
    noParameters: 'This component has no parameters.',
    expressionHint:
      'Use {{ input.field }}, {{ steps.<node id>.field }} or {{ vars.name }}; the value keeps its type.',
    between: (min: string, max: string) => `Between ${min} and ${max}.`,
    atLeast: (min: string) => `At least ${min}.`,
    atMost: (max: string) => `At most ${max}.`,
    notNumber: 'Must be a number.',
    tooSmall: (min: string) => `Must be at least ${min}.`,
    tooLarge: (max: string) => `Must be at most ${max}.`,
    notInteger: 'Must be a whole number.',
    default: (value: string) => `Default: ${value}`,
    choose: '— Choose —',
    invalidJson: (message: string) => `Invalid JSON: ${message}`,
    /** Beside the completions of `input.` and `vars.` in an expression. */
    inputDetail: 'the run’s input',
    varsDetail: 'run variables',
    previewValue: 'Resolves to',
    previewNoRun: 'Run the workflow to preview this value.',
    previewProblem: 'Does not resolve:',
  },
  credentials: {
    legacy:
      'Store this secret as a credential: it is kept in the workflow as plain text, which the server no longer accepts. Choose a credential or create one to replace it.',
    storeLegacy: 'Store as a new credential',
    loadingList: 'Loading credentials…',
    choose: '— Choose a credential —',
    loading: 'Loading…',
    unknown: (id: string) => `Unknown credential (${id})`,
    create: 'New credential…',
    retry: 'Retry',
    empty: (type: string | undefined) =>
      `No ${type ? `${type} ` : ''}credentials yet: choose “New credential…” to add one.`,
    notConfigured: 'Credentials are not configured on this server.',
    loadFailed: (message: string) => `Could not load the credentials: ${message}`,
  },
  files: {
    exportNeedsSave: 'Save the workflow before exporting it.',
    exportFailed: (message: string) => `Export failed: ${message}`,
    exported: (fileName: string) => `Exported as ${fileName}.`,
    exportedWithoutChanges: (fileName: string, version: number | undefined) =>
      `Exported ${version === undefined ? 'the saved workflow' : `saved version ${count(version)}`} as ${fileName}; your unsaved changes are not in it (save first to include them).`,
    importing: 'Importing…',
    importTooLarge: 'The file is too large for the server.',
    importInvalid: (message: string) => `This is not a valid Flowloom workflow file: ${message}`,
    importFailed: (message: string) => `Import failed: ${message}`,
    importedButNotOpened: (message: string) =>
      `The workflow was imported, but it could not be opened: ${message}`,
    imported: (name: string) => `Imported "${name}" as a new workflow.`,
    chooseCredentials: (parameters: number) =>
      `Choose a credential for ${plural(parameters, 'parameter', 'parameters')} marked on the nodes.`,
    otherProblems: (problems: number) =>
      `${plural(problems, 'other problem', 'other problems')} to fix before it can run.`,
    tooLarge: (size: string, limit: string) =>
      `The file is too large (${size}): a workflow file may be at most ${limit}.`,
    unreadable: (reason: string) => `The file could not be read: ${reason}`,
    notJson: 'This file is not JSON, so it is not a Flowloom workflow file.',
    notWorkflowFile: 'This file is not a Flowloom workflow file: it has no "flowloom_version".',
    wrongVersion: (found: string, supported: number) =>
      `This file is in Flowloom file format version ${found}; this editor reads version ${supported}.`,
  },
};
