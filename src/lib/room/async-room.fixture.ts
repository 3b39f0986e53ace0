// A room on turns driven through `decide`, as the server drives it, for the tests of places
// (A33), of steps left waiting for nobody (A34) and of going back to turns (A8).
import type { ControlState } from '../protocol/control';
import type { Playbook } from '../protocol/playbook';
import type { TurnEvent } from './async-events';
import { startTurns } from './async-schedule';
import { ana, ben, ok, playedTo, playbook as sprint, T0 } from './async-schedule.fixture';
import { takersAt } from './async-takers';
import { initialControlState } from './control';
import { decide, type Effect, type RoomCommand } from './decide';
import { claimHost } from './room-rules';

export { ana, ben };
export const [cara, anasPhone] = ['cara-00003', 'ana-phone3'] as const;
const names: Record<string, { name: string; roleId: string }> = {
	[ana]: { name: 'Ana', roleId: 'speaker' },
	[ben]: { name: 'Ben', roleId: 'listener' },
	[cara]: { name: 'Cara', roleId: 'speaker' },
	[anasPhone]: { name: 'Ana', roleId: 'speaker' }
};

/** A room of `playbook` created on turns at T0, before anyone joined, hosted by whoever joins first. */
export class Room {
	state: ControlState;
	/** The people the last decision told their turn started. */
	told: string[] = [];
	/** What the last decision told people whose turn moved to someone else. */
	moved: TurnEvent[] = [];
	/** The people who joined but have no connection open (by default everyone is online). */
	offline = new Set<string>();

	constructor(readonly playbook: Playbook) {
		this.state = ok(startTurns(initialControlState(playbook), playbook, {}, T0));
	}

	/** The sprint with Ana (host, speaker) and Ben (listener), played on turns up to `step`. */
	static at(step: number): Room {
		const room = new Room(sprint);
		room.state = claimHost(playedTo(step), ana);
		return room;
	}

	act(by: string, command: RoomCommand, at = T0): this {
		const present = Object.keys(this.state.people).filter((id) => !this.offline.has(id));
		const decision = decide(
			this.state,
			command,
			{ participantId: by, present },
			{ playbook: this.playbook, now: at, sealedRatings: () => ({}) }
		);
		if (!decision.ok) throw new Error(decision.error.message);
		this.state = decision.state;
		const events = decision.effects.flatMap((effect: Effect) =>
			effect.type === 'turn-event' ? [effect.event] : []
		);
		this.told = events.flatMap((event) => (event.type === 'turn-started' ? event.personIds : []));
		this.moved = events.filter((event) => event.type === 'turn-moved');
		return this;
	}

	/** `id` opens the room link and joins, with the role they chose (by default their usual one). */
	join(id: string, roleId = names[id]?.roleId): this {
		const name = names[id]?.name;
		if (!name || !roleId) throw new Error(`nobody called ${id}`);
		const person = { name, roleId };
		return this.act(id, { type: 'person.join', person, holdsHostKey: id === ana });
	}

	confirm(id: string): this {
		return this.act(id, { type: 'agreements.confirm' });
	}

	turn(id: string, at = T0): this {
		return this.act(id, { type: 'async.turn', step: this.state.step }, at);
	}

	remove(id: string, at = T0): this {
		return this.act(ana, { type: 'host.remove', participantId: id }, at);
	}

	get takers(): string[] {
		return takersAt(this.state, this.playbook, this.state.step);
	}
}
