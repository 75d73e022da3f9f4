import { createContext, type ReactNode } from 'react';

/**
 * A host's own icons by name (`<WorkflowEditor icons>`): the `icon` a component's metadata gives,
 * as written, to what to draw for it.
 */
export type IconMap = Readonly<Record<string, ReactNode>>;

/** The icons `<WorkflowEditor icons>` gave; none outside an editor. */
export const IconsContext = createContext<IconMap>({});
