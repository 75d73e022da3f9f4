const EXPRESSION_OPEN = '{{';

/** Whether a value holds a `{{ ... }}` expression anywhere (strings, nested arrays and objects). */
export function containsExpression(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(EXPRESSION_OPEN);
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsExpression(item, depth + 1));
  for (const key in value as Record<string, unknown>) {
    if (containsExpression((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
