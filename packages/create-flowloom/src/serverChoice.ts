/** The frameworks a scaffolded app can mount the workflow API on. */
export const SERVER_CHOICES = ['express', 'fastify', 'hono'] as const;

/** One of {@link SERVER_CHOICES}. */
export type ServerChoice = (typeof SERVER_CHOICES)[number];

/** Whether `value` names a framework the scaffolder has a template for. */
export function isServerChoice(value: string): value is ServerChoice {
  return (SERVER_CHOICES as readonly string[]).includes(value);
}
