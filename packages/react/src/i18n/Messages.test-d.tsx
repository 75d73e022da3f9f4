import { describe, expectTypeOf, it } from 'vitest';
import { de } from '../locales/de';
import { en } from './en';
import type { MessageOverrides, Messages } from './Messages';

describe('Messages', () => {
  it('is the shape of the English catalogue, and the German one fills it', () => {
    expectTypeOf(en).toMatchTypeOf<Messages>();
    expectTypeOf(de).toEqualTypeOf<Messages>();
  });

  it('refuses a catalogue that misses a section or a message', () => {
    const { toolbar: _toolbar, ...withoutToolbar } = en;
    // @ts-expect-error: the toolbar section is missing
    const noSection: Messages = withoutToolbar;
    const { save: _save, ...toolbar } = en.toolbar;
    // @ts-expect-error: the toolbar's save message is missing
    const noMessage: Messages = { ...en, toolbar };
    expectTypeOf(noSection).toEqualTypeOf<Messages>();
    expectTypeOf(noMessage).toEqualTypeOf<Messages>();
  });

  it('refuses a message that takes other arguments', () => {
    const wrong: MessageOverrides = {
      // @ts-expect-error: `problems` is told two counts, not a string
      toolbar: { problems: (text: string) => text },
    };
    expectTypeOf(wrong).toEqualTypeOf<MessageOverrides>();
  });

  it('takes any subset as overrides, at any depth', () => {
    expectTypeOf({ toolbar: { save: 'Store' } }).toMatchTypeOf<MessageOverrides>();
    expectTypeOf({ palette: { categories: { logic: 'Logik' } } }).toMatchTypeOf<MessageOverrides>();
  });
});
