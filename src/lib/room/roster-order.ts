/**
 * Whether a roster read at `version` should take the place of the one shown, read at `shown`
 * (none yet: `undefined`), as its connection receives them (protocol S27). An older one came
 * late, through another instance, and says what is no longer so. One as new comes from the same
 * writes, read again: it takes the place, as it may show a record gone stale since.
 */
export const supersedes = (version: number, shown: number | undefined): boolean =>
	shown === undefined || version >= shown;
