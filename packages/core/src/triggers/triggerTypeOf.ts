/**
 * The trigger type a run records (`trigger.type`, what run lists filter on) for a trigger
 * component: its type without the `_trigger` suffix (`webhook_trigger` → `webhook`,
 * `schedule_trigger` → `schedule`), or the type itself when it has none.
 */
export function triggerTypeOf(componentType: string): string {
  return componentType.endsWith('_trigger') && componentType.length > '_trigger'.length
    ? componentType.slice(0, -'_trigger'.length)
    : componentType;
}
