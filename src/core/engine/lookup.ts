/**
 * Own-property lookup in the plain records of a scenario or a session state. Ids such as
 * "constructor" or "valueOf" are valid scenario ids, and plain `record[id]` would find
 * Object.prototype's members for them. Pure.
 */

/** The value stored under `key` in `record` itself, or undefined; never an inherited member. */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
