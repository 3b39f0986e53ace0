/** An hour in ms: turn windows, reminders and sweeps are counted in hours. */
export const HOUR_MS = 3_600_000;
/** A day in ms: 24 hours of UTC time, as counted by `Date`. */
export const DAY_MS = 24 * HOUR_MS;
