// The run workbench's parts, loaded together on demand (`loadWorkbench`): one chunk for the
// execution panel, the run history and the workflow list, none of it in the initial bundle.
export { DockedRunPanel } from '../execution/DockedRunPanel';
export { RunPanel } from '../execution/RunPanel';
export { RunHistoryTable } from '../history/RunHistoryTable';
export { WorkflowListView } from '../workflows/WorkflowListView';
