import type { Page } from '@playwright/test';
import type { JournalEntry } from '../../src/lib/journal/entry';

/**
 * Writes records straight into the browser's journal database, as another tab of the app would,
 * and tells the open pages through the journal's BroadcastChannel.
 */
export async function seedJournal(page: Page, entries: JournalEntry[]): Promise<void> {
	await page.evaluate(async (records) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('practice-room:journal', 1);
			request.onupgradeneeded = () =>
				request.result.createObjectStore('entries', { keyPath: 'id' });
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise((resolve, reject) => {
			const transaction = db.transaction('entries', 'readwrite');
			for (const record of records) transaction.objectStore('entries').put(record);
			transaction.oncomplete = resolve;
			transaction.onerror = () => reject(transaction.error);
		});
		db.close();
		new BroadcastChannel('practice-room:journal').postMessage('changed');
	}, entries);
}
