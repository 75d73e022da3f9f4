import type { en } from './en';

/**
 * A full message catalogue: the shape of `en`. A catalogue typed `Messages` that misses a key,
 * or gives one the wrong arguments, does not compile.
 */
export type Messages = typeof en;

/** The sections of a catalogue (everything but its `locale`). */
export type MessageSection = Exclude<keyof Messages, 'locale'>;

/** A value of a catalogue, made optional all the way down (functions stay as they are). */
type PartialOf<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: PartialOf<T[K]> }
    : T;

/**
 * Any subset of a catalogue: what `messages` props and `<I18nProvider messages>` take. The
 * rest comes from the catalogue around it (English by default).
 */
export type MessageOverrides = PartialOf<Messages>;
