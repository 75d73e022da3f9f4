import { describe, expect, it } from 'vitest';
import { en } from './en';
import { mergeMessages } from './mergeMessages';

describe('mergeMessages', () => {
  it('replaces one message and keeps the others of its section', () => {
    const merged = mergeMessages(en, { toolbar: { save: 'Store' } });
    expect(merged.toolbar.save).toBe('Store');
    expect(merged.toolbar.undo).toBe('Undo');
  });

  it('merges at any depth and keeps untouched sections as they are', () => {
    const merged = mergeMessages(en, { palette: { categories: { logic: 'Decisions' } } });
    expect(merged.palette.categories.logic).toBe('Decisions');
    expect(merged.palette.categories.triggers).toBe('Triggers');
    expect(merged.status).toBe(en.status);
  });

  it('ignores undefined values and leaves the base untouched', () => {
    const merged = mergeMessages(en, { toolbar: { save: undefined } });
    expect(merged.toolbar.save).toBe('Save');
    expect(en.toolbar.save).toBe('Save');
    expect(mergeMessages(en, undefined)).toBe(en);
  });

  it('takes a function message as it is', () => {
    const merged = mergeMessages(en, { node: { errors: (n: number) => `${n} ✗` } });
    expect(merged.node.errors(2)).toBe('2 ✗');
  });
});
