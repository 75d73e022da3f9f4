const formats = new Map<string, Intl.NumberFormat>();

/**
 * A function that writes a count as `locale` does (`1,234` in English, `1.234` in German), for
 * the catalogues' sentences; the number format is made once per locale.
 */
export function countOf(locale: string): (value: number) => string {
  return (value) => {
    let format = formats.get(locale);
    if (!format) {
      format = new Intl.NumberFormat(locale);
      formats.set(locale, format);
    }
    return format.format(value);
  };
}
