// The run workbench's parts, loaded together on demand (`loadWorkbench`): one chunk for the
// execution panel, the run history, the workflow list and what follows the editor's run, none of
// it in the initial bundle.
export { RunFollower } from '../editor/RunFollower';
export { DockedRunPanel } from '../execution/DockedRunPanel';
export { RunPanel } from '../execution/RunPanel';
export { RunHistoryTable } from '../history/RunHistoryTable';
export { WorkflowListView } from '../workflows/WorkflowListView';
