/** An hour in ms: turn windows, reminders and sweeps are counted in hours. */
export const HOUR_MS = 3_600_000;
