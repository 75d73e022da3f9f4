import { describe, expect, it } from 'vitest';
import { KeyEndsCache, quotedKeyEnds, unescapeKey } from './quotedKeyEnds';

describe('quotedKeyEnds', () => {
  it('ends a key at the quote that white space and ] follow', () => {
    const text = '["a" ]';
    expect(quotedKeyEnds(text, '"')[2]).toBe(3);
  });

  it('skips a quote that is not followed by ]', () => {
    const text = '["a"b"]';
    expect(quotedKeyEnds(text, '"')[2]).toBe(-1);
  });

  it('reads an escaped quote as content', () => {
    const text = '["a\\"b"]';
    expect(quotedKeyEnds(text, '"')[2]).toBe(6);
  });

  it('has no key where a line ends before the closing quote', () => {
    expect(quotedKeyEnds('["a\nb"]', '"')[2]).toBe(-1);
  });
});

describe('unescapeKey', () => {
  it('drops the backslash of each escape and keeps a final lone one', () => {
    const text = 'a\\"b\\\\c\\';
    expect(unescapeKey(text, 0, text.length)).toBe('a"b\\c\\');
  });
});

describe('KeyEndsCache', () => {
  it('answers -1 where no quote opens a key', () => {
    expect(new KeyEndsCache('[a]').closingQuote(1)).toBe(-1);
    expect(new KeyEndsCache('[').closingQuote(1)).toBe(-1);
  });

  it('answers for both kinds of quote in one text', () => {
    const cache = new KeyEndsCache(`["x"]['y']`);
    expect(cache.closingQuote(1)).toBe(3);
    expect(cache.closingQuote(6)).toBe(8);
  });
});
