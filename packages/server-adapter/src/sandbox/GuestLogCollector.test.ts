import { describe, expect, it } from 'vitest';
import { GuestLogCollector, MAX_LOG_LINE_CHARS, MAX_LOG_LINES } from './GuestLogCollector';

describe('GuestLogCollector', () => {
  it('keeps lines in order at their levels', () => {
    const logs = new GuestLogCollector();
    logs.add('info', 'a');
    logs.add('error', 'b');
    expect(logs.lines()).toEqual([
      { level: 'info', message: 'a' },
      { level: 'error', message: 'b' },
    ]);
  });

  it('reads an unknown level as info', () => {
    const logs = new GuestLogCollector();
    logs.add('trace', 'a');
    expect(logs.lines()).toEqual([{ level: 'info', message: 'a' }]);
  });

  it('cuts a long line to the limit, ending it with an ellipsis', () => {
    const logs = new GuestLogCollector();
    logs.add('info', 'x'.repeat(MAX_LOG_LINE_CHARS + 5));
    const [line] = logs.lines();
    expect(line?.message).toHaveLength(MAX_LOG_LINE_CHARS);
    expect(line?.message.endsWith('…')).toBe(true);
  });

  it('keeps exactly the limit without a notice', () => {
    const logs = new GuestLogCollector();
    for (let i = 0; i < MAX_LOG_LINES; i += 1) logs.add('info', String(i));
    expect(logs.lines()).toHaveLength(MAX_LOG_LINES);
    expect(logs.lines().at(-1)).toEqual({ level: 'info', message: String(MAX_LOG_LINES - 1) });
  });

  it('past the limit, ends with a warning that counts the lines dropped', () => {
    const logs = new GuestLogCollector();
    for (let i = 0; i < MAX_LOG_LINES + 10; i += 1) logs.add('info', String(i));
    const lines = logs.lines();
    expect(lines).toHaveLength(MAX_LOG_LINES);
    expect(lines.at(-2)).toEqual({ level: 'info', message: String(MAX_LOG_LINES - 2) });
    expect(lines.at(-1)).toEqual({
      level: 'warn',
      message: `11 more console lines were dropped: a code step keeps at most ${MAX_LOG_LINES}`,
    });
  });
});
