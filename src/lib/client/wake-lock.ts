/**
 * Keeps the screen on while the page shows, where the browser allows it: a projector has nobody
 * at the keyboard to wake it. Browsers drop the lock whenever the tab is hidden, so it is asked
 * for again each time the tab shows. Answers a function that lets the screen sleep again.
 */
export function keepScreenOn(): () => void {
	let lock: WakeLockSentinel | undefined;
	let stopped = false;
	const request = async () => {
		if (stopped || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
		try {
			lock = await navigator.wakeLock.request('screen');
		} catch {
			// Refused (battery saver, a policy): the screen sleeps as it usually would.
			return;
		}
		if (stopped) void lock.release();
	};
	void request();
	document.addEventListener('visibilitychange', request);
	return () => {
		stopped = true;
		document.removeEventListener('visibilitychange', request);
		void lock?.release();
	};
}
