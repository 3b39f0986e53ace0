/**
 * Whether reloading this page would reach the server now. Offline, or with the server out of
 * reach, the browser would swap the page (a room, with what it shows) for its own error page.
 * Any answer from `/healthz` will do: an error status is still a page of this app.
 */
export async function reloadReachesServer(): Promise<boolean> {
	if (!navigator.onLine) return false;
	try {
		await fetch('/healthz', { cache: 'no-store' });
		return true;
	} catch {
		return false;
	}
}
