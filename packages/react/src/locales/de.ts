import type { Messages } from '../i18n/Messages';
import { deCanvas } from './deCanvas';
import { deCore } from './deCore';
import { deLists } from './deLists';
import { deRuns } from './deRuns';

/**
 * The German message catalogue: every word `@flowloom/react` shows, with German dates, numbers
 * and durations. A separate entry point, so it weighs nothing until a host imports it.
 *
 * @example
 * import { de } from '@flowloom/react/locales/de';
 * <WorkflowEditor workflowId={id} messages={de} />
 */
export const de: Messages = { ...deCore, ...deCanvas, ...deRuns, ...deLists };
