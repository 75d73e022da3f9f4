import { z } from 'zod';

/** The palette groups a component falls under. Values are the wire form (`'output_actions'`). */
export const ComponentCategory = {
  TRIGGERS: 'triggers',
  DATA_PROCESSING: 'data_processing',
  LOGIC: 'logic',
  INTEGRATIONS: 'integrations',
  OUTPUT_ACTIONS: 'output_actions',
  UTILITIES: 'utilities',
} as const;

/** One of the {@link ComponentCategory} values. */
export type ComponentCategory = (typeof ComponentCategory)[keyof typeof ComponentCategory];

/** Validates a {@link ComponentCategory}. */
// Pure: a browser bundle that imports only `ComponentCategory` drops the schema, and zod with it.
export const ComponentCategorySchema = /* @__PURE__ */ z.enum(ComponentCategory);
