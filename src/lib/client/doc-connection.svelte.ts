import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { docCloseAction, limitCloseWords, type DocCloseAction } from './doc-close';

/** What a room session hears from its document connection. */
export interface DocConnectionEvents {
	/** The document synced since its connection opened: its control state is current. */
	onSynced(): void;
	/** The server closed the connection, and what that means (`doc-close.ts`). */
	onClosed(action: DocCloseAction): void;
	/** The server closed the connection for a limit (1008, 1009): the words a person is told. */
	onLimitClose(words: string): void;
}

/**
 * One tab's document connection to a room over y-websocket, with its copy in IndexedDB (so
 * notes typed offline survive a reload), and the ticket a joined tab sends with it.
 */
export class DocConnection {
	/** The connection is open. */
	connected = $state(false);
	/** The document has synced at least once: the page may show it. */
	synced = $state(false);
	/** The document has synced since its connection last opened: its control state is current. */
	#fresh = false;
	/** Whether the connection last opened carried this tab's ticket (see `#closed`). */
	#ticketSent = false;
	readonly #provider: WebsocketProvider;
	readonly #local: IndexeddbPersistence | undefined;

	/** A projector (`projectorToken`) connects with its token, and keeps no local copy. */
	constructor(
		roomId: string,
		ydoc: Y.Doc,
		private readonly projectorToken: string | undefined,
		events: DocConnectionEvents
	) {
		// A projector (often a shared venue computer) keeps no copy of what was said.
		this.#local =
			projectorToken === undefined
				? new IndexeddbPersistence(`practice-room:${roomId}`, ydoc)
				: undefined;
		const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
		this.#provider = new WebsocketProvider(wsBase, roomId, ydoc, {
			maxBackoffTime: 2_500,
			params: projectorToken === undefined ? {} : { projector: projectorToken }
		});
		this.#provider.on('status', ({ status }) => {
			this.connected = status === 'connected';
			if (status !== 'connected') this.#fresh = false;
			// The provider opens each connection with the params it has at that moment.
			if (status === 'connecting') this.#ticketSent = this.#provider.params.ticket !== undefined;
		});
		this.#provider.on('sync', (synced: boolean) => {
			if (!synced) return;
			this.synced = true;
			this.#fresh = true;
			events.onSynced();
		});
		this.#provider.on('closed', ({ code, reason }) => events.onClosed(this.#closed(code, reason)));
		// The provider emits 'closed' only for closes it does not reconnect after (44xx): a limit's
		// close (1008, 1009) comes with every connection's end, and only needs telling.
		this.#provider.on('connection-close', (event) => {
			const words = event === null ? undefined : limitCloseWords(event.code, event.reason);
			if (words !== undefined) events.onLimitClose(words);
		});
	}

	/** The document has synced since its connection last opened: its control state is current. */
	get fresh(): boolean {
		return this.#fresh;
	}

	#closed(code: number, reason: string): DocCloseAction {
		return docCloseAction(
			code,
			{
				projector: this.projectorToken !== undefined,
				unsentTicket: this.#provider.params.ticket !== undefined && !this.#ticketSent
			},
			reason
		);
	}

	/** Opens the connection again, unless it is open or opening. */
	open(): void {
		if (!this.#provider.wsconnected && !this.#provider.wsconnecting) this.#provider.connect();
	}

	/**
	 * Sends the join's ticket with the connection from now on (a locked room takes no other),
	 * opening it at once if the room refused it without one.
	 */
	useTicket(participantId: string, ticket: string): void {
		if (this.#provider.params.ticket === ticket) return;
		this.#provider.params = { participant: participantId, ticket };
		this.open();
	}

	/** Closes the connection for good (a removal, an erase). */
	disconnect(): void {
		this.#provider.disconnect();
	}

	/** Erases this browser's copy of the document. */
	async clearLocal(): Promise<void> {
		await this.#local?.clearData();
	}

	destroy(): void {
		this.#provider.destroy();
		void this.#local?.destroy();
	}
}
