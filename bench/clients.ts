import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** One person's connection to a room, through the stock provider of the server under test. */
export interface BenchClient {
	doc: Y.Doc;
	awareness: Awareness;
	synced: Promise<void>;
	/** Drops the connection (as a lost network does) and opens it again. */
	disconnect(): void;
	reconnect(): void;
	destroy(): void;
}

export type Connect = (room: string, instance: number) => BenchClient;

/**
 * The stock y-websocket provider. Our server serves rooms at `/yjs/<room>`, the reference
 * server at `/<room>`.
 */
export function yWebsocketClients(ports: number[], path: '/yjs' | ''): Connect {
	return (room, instance) => {
		const doc = new Y.Doc();
		const port = ports[instance % ports.length];
		const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${path}`, room, doc, {
			// reason: the provider wants a browser WebSocket constructor; ws implements that interface.
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true,
			resyncInterval: -1
		});
		const synced = new Promise<void>((resolve) => {
			if (provider.synced) resolve();
			provider.once('sync', () => resolve());
		});
		return {
			doc,
			awareness: provider.awareness,
			synced,
			disconnect: () => provider.disconnect(),
			reconnect: () => provider.connect(),
			destroy: () => provider.destroy()
		};
	};
}
