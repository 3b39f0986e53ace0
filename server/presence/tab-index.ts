/** What the index needs of a socket joined to a room: the room and the person. */
export interface Tab {
	readonly roomId: string;
	readonly participant: { readonly participantId: string };
}

/** One person in one room, with their tabs (sockets) in the order they joined. */
export interface PersonTabs<T> {
	roomId: string;
	participantId: string;
	tabs: T[];
}

/**
 * This instance's joined sockets by socket id, and by room and person, so that one person's
 * join, visibility or leave costs their own tabs, not every socket of the instance. No I/O.
 * A person's tabs keep the order they joined (their latest join names them).
 */
export class TabIndex<T extends Tab> {
	readonly #bySocket = new Map<string, T>();
	/** Room → participant id → socket id → tab. Emptied maps are deleted. */
	readonly #byRoom = new Map<string, Map<string, Map<string, T>>>();
	#people = 0;

	/** The tab of a socket, if it is joined. */
	get(socketId: string): T | undefined {
		return this.#bySocket.get(socketId);
	}

	/** Joins a socket as `tab`, after whatever it was joined as before. */
	add(socketId: string, tab: T): void {
		this.remove(socketId);
		this.#bySocket.set(socketId, tab);
		let room = this.#byRoom.get(tab.roomId);
		if (!room) this.#byRoom.set(tab.roomId, (room = new Map()));
		const id = tab.participant.participantId;
		let person = room.get(id);
		if (!person) {
			room.set(id, (person = new Map()));
			this.#people++;
		}
		person.set(socketId, tab);
	}

	/** Takes a socket out; answers the tab it was, if it was joined. */
	remove(socketId: string): T | undefined {
		const tab = this.#bySocket.get(socketId);
		if (!tab) return undefined;
		this.#bySocket.delete(socketId);
		const room = this.#byRoom.get(tab.roomId);
		const id = tab.participant.participantId;
		const person = room?.get(id);
		person?.delete(socketId);
		if (room && person?.size === 0) {
			room.delete(id);
			this.#people--;
			if (room.size === 0) this.#byRoom.delete(tab.roomId);
		}
		return tab;
	}

	/** A person's tabs in a room, in the order they joined; empty when none is open. */
	tabsOf(roomId: string, participantId: string): T[] {
		return [...(this.#byRoom.get(roomId)?.get(participantId)?.values() ?? [])];
	}

	/** Some tab joined to the room, while there is one. */
	anyIn(roomId: string): T | undefined {
		const room = this.#byRoom.get(roomId);
		if (!room) return undefined;
		for (const person of room.values()) for (const tab of person.values()) return tab;
		return undefined;
	}

	/** People, not sockets: someone with a room open in two tabs counts once per room. */
	get peopleCount(): number {
		return this.#people;
	}

	/** Each person in each room, with their tabs. */
	*people(): Generator<PersonTabs<T>> {
		for (const [roomId, room] of this.#byRoom)
			for (const [participantId, person] of room)
				yield { roomId, participantId, tabs: [...person.values()] };
	}

	/** Takes out every socket joined to the room; answers their tabs. */
	removeRoom(roomId: string): T[] {
		const room = this.#byRoom.get(roomId);
		if (!room) return [];
		const tabs: T[] = [];
		for (const person of room.values())
			for (const [socketId, tab] of person) {
				this.#bySocket.delete(socketId);
				tabs.push(tab);
			}
		this.#people -= room.size;
		this.#byRoom.delete(roomId);
		return tabs;
	}

	/** Takes out every socket; answers their tabs. */
	clear(): T[] {
		const tabs = [...this.#bySocket.values()];
		this.#bySocket.clear();
		this.#byRoom.clear();
		this.#people = 0;
		return tabs;
	}
}
