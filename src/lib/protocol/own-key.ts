/**
 * `record[key]` only when `record` holds `key` itself. New playbooks refuse ids that every object
 * has (ids.ts, `isObjectKey`), but a stored one may still have a phase or role named
 * `constructor`, which a plain lookup in a record keyed by ids finds on Object.prototype.
 */
export function ownValue<T>(
	record: Readonly<Partial<Record<string, T>>> | undefined,
	key: string
): T | undefined {
	return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
