/**
 * What protocol.ts and protocol-calls.ts share: the basic value types of the live API and the checks their
 * guards are built from. Import frames and guards from protocol.ts, which re-exports these types.
 */

/** An Ethereum address; the server writes EIP-55 checksum case. */
export type Address = string;
/** An ISO-8601 instant in UTC, e.g. `2026-11-24T10:02:31.207381Z`. */
export type Instant = string;
/** The device a socket is: its `?device=` (1–128 of `A-Z a-z 0-9 . _ ~ : -`), or the id the server made up (`hello.device`). */
export type DeviceId = string;

/** A frame's fields, as a guard sees them. */
export type Fields = Record<string, unknown>;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const DEVICE_ID = /^[A-Za-z0-9._~:-]{1,128}$/;

export const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);
export const isString = (x: unknown): x is string => typeof x === 'string';
export const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
export const isInteger = (x: unknown, min: number, max = Number.MAX_SAFE_INTEGER): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
/** A finite number from `min` to `max`. */
export const isNumber = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
/** A string of at most `max` characters (UTF-16 code units, as the server counts them). */
export const isText = (x: unknown, max: number): x is string => isString(x) && x.length <= max;
export const isAddress = (x: unknown): x is Address => isString(x) && ADDRESS.test(x);
export const isInstant = (x: unknown): x is Instant => isString(x) && INSTANT.test(x) && !Number.isNaN(Date.parse(x));
export const isDeviceId = (x: unknown): x is DeviceId => isString(x) && DEVICE_ID.test(x);
export const isRequestId = (x: unknown): x is string => isString(x) && x.length > 0;
/** One of `values`. */
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (x: unknown): x is T =>
    (values as readonly unknown[]).includes(x);
export const optional = (x: unknown, check: (x: unknown) => boolean): boolean => x === undefined || check(x);
export const arrayOf = (x: unknown, check: (x: unknown) => boolean): boolean => Array.isArray(x) && x.every(check);
