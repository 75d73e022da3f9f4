import { describe, expect, it } from 'vitest';
import { triggerTypeOf } from './triggerTypeOf';

describe('triggerTypeOf', () => {
  it.each([
    ['webhook_trigger', 'webhook'],
    ['schedule_trigger', 'schedule'],
    ['order_event', 'order_event'],
    ['_trigger', '_trigger'],
  ])('reads %s as %s', (componentType, type) => {
    expect(triggerTypeOf(componentType)).toBe(type);
  });
});
