import { enCanvas } from './enCanvas';
import { enCore } from './enCore';
import { enLists } from './enLists';
import { enRuns } from './enRuns';

/**
 * The English message catalogue: every word `@flowloom/react` shows, by section. It is the
 * default, and its shape is the `Messages` type every other catalogue must fill. Import it from
 * `@flowloom/react/locales/en` (the components load each section with the part that shows it).
 *
 * @example
 * import { en } from '@flowloom/react/locales/en';
 * const short = { ...en, toolbar: { ...en.toolbar, autoLayout: 'Tidy' } };
 */
export const en = { ...enCore, ...enCanvas, ...enRuns, ...enLists };
