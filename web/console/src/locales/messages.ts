import type { ru } from './ru.ts';

/** The shape every language fills: the Russian texts' keys, each a string. */
export type Messages = Strings<typeof ru>;
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
