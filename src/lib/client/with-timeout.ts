/**
 * A signal that aborts `ms` from now (reason: a `TimeoutError`), or sooner when `signal` does
 * (with its reason): what gives up a request the caller may also call off.
 */
export function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
	const timeout = AbortSignal.timeout(ms);
	return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
