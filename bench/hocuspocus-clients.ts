import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connect } from './clients';

/** The stock Hocuspocus provider (on Node's built-in WebSocket). */
export function hocuspocusClients(ports: number[]): Connect {
	return (room, instance) => {
		const doc = new Y.Doc();
		const port = ports[instance % ports.length];
		let markSynced: () => void = () => {};
		const synced = new Promise<void>((resolve) => (markSynced = resolve));
		const provider = new HocuspocusProvider({
			url: `ws://127.0.0.1:${port}`,
			name: room,
			document: doc,
			onSynced: () => markSynced()
		});
		return {
			doc,
			// reason: the provider always has awareness unless configured with null, which we never do.
			awareness: provider.awareness as Awareness,
			synced,
			disconnect: () => provider.disconnect(),
			reconnect: () => void provider.connect(),
			destroy: () => provider.destroy()
		};
	};
}
