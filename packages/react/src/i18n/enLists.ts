import { countOf } from './countOf';

const count = countOf('en');

/** The English words of `<RunHistory>` and `<WorkflowList>`. Part of `en`. */
export const enLists = {
  history: {
    region: 'Run history',
    caption: 'Runs of this workflow, newest first',
    status: 'Status',
    trigger: 'Trigger',
    started: 'Started',
    duration: 'Duration',
    version: 'Version',
    actions: 'Actions',
    notStarted: 'Not started',
    unknownTriggerHint: 'Open the run to see what started it',
    /**
     * Trigger types by name (`manual`, `webhook`, `schedule`, `sub_workflow`: started by a parent
     * run's step); an unknown one shows as written.
     */
    triggers: {
      manual: 'manual',
      webhook: 'webhook',
      schedule: 'schedule',
      sub_workflow: 'sub-workflow',
    } as Record<string, string>,
    running: 'Running',
    open: 'Open',
    opened: 'Shown',
    openRun: (time: string) => `Open the run started ${time}`,
    refresh: 'Refresh',
    more: 'Show older runs',
    loading: 'Loading runs…',
    empty: 'No runs yet: Execute the workflow to see its runs here.',
    failed: (message: string) => `Could not load the runs: ${message}`,
    count: (shown: number, total: number) => `${count(shown)} of ${count(total)}`,
  },
  workflows: {
    title: 'Workflows',
    create: 'New workflow',
    caption: 'Saved workflows',
    name: 'Name',
    active: 'Active',
    lastRun: 'Last run',
    updated: 'Updated',
    actions: 'Actions',
    loading: 'Loading workflows…',
    empty: 'No saved workflows yet.',
    failed: (message: string) => `Could not load the workflows: ${message}`,
    retry: 'Try again',
    open: (name: string) => `Open ${name}`,
    activeNamed: (name: string) => `Active: ${name}`,
    activeHint: 'When active, its webhook and schedule triggers start runs',
    on: 'On',
    off: 'Off',
    never: 'Never run',
    duplicate: 'Duplicate',
    duplicateNamed: (name: string) => `Duplicate ${name}`,
    export: 'Export',
    exportNamed: (name: string) => `Export ${name}`,
    delete: 'Delete',
    deleteNamed: (name: string) => `Delete ${name}`,
    confirmDelete: (name: string) => `Delete “${name}” and its versions? Its runs stay readable.`,
    confirm: 'Delete',
    confirmNamed: (name: string) => `Confirm deleting ${name}`,
    cancel: 'Cancel',
    version: (version: number) => `v${count(version)}`,
    failedAction: (action: string, message: string) => `${action} failed: ${message}`,
    activation: 'Activation',
  },
};
