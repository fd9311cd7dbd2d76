import { Transform } from 'class-transformer';

/** Trims surrounding whitespace of a string field. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

// A lone UTF-16 surrogate (JSON allows "\ud800") makes the e-mail validator throw: replaced by U+FFFD, it is simply invalid.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Trims and lower-cases an e-mail address. */
export const NormalizeEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD').trim().toLowerCase() : value));
