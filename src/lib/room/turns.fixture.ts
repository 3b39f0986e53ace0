// Rooms as the server keeps them, for the turn-taking tests (`turns.test.ts`,
// `turns.property.test.ts`): joins, leaves and moves go through the room rules as on the server.
import type { ControlState } from '../protocol/control';
import { initialControlState } from './control';
import { applyRoomCommand, settleRoom } from './room-rules';
import type { RotationPlan } from './rotation';
import { planSteps } from './steps';
import type { TurnPlan } from './turns';

/** A circle like the Listening Circle: an opening, a story and reflection per round, a close. */
export const circle: TurnPlan & RotationPlan = {
	roles: [{ id: 'speaker' }, { id: 'listener' }, { id: 'observer' }],
	rotation: 'round-robin',
	speakerRole: 'speaker',
	rounds: 4,
	roundPerPerson: true,
	phases: [
		{ durationSec: 60 },
		{ durationSec: 300, repeatsPerRound: true },
		{ durationSec: 120, repeatsPerRound: true },
		{ durationSec: 60 }
	]
};
export const T0 = 1_700_000_000_000;

/** A room as the server keeps it: the control state and who is present. */
export interface Room {
	state: ControlState;
	present: string[];
}

export const idOf = (name: string) => `${name.toLowerCase().padEnd(8, '0')}`;

export function settle(room: Room, plan: TurnPlan): void {
	room.state = settleRoom(room.state, plan, room.present, T0);
}

/** Someone joins (as the server records them) and the next heartbeat settles the room. */
export function join(room: Room, plan: TurnPlan, name: string, roleId = 'listener'): void {
	const id = idOf(name);
	const { state } = room;
	room.state = {
		...state,
		people: { ...state.people, [id]: state.people[id] ?? { name, roleId } },
		agreed: state.agreed.includes(id) ? state.agreed : [...state.agreed, id]
	};
	if (!room.present.includes(id)) room.present.push(id);
	settle(room, plan);
}

export function leave(room: Room, plan: TurnPlan, name: string): void {
	room.present = room.present.filter((id) => id !== idOf(name));
	settle(room, plan);
}

/** Someone present presses Next (or, with `by` -1, Previous). */
export function next(room: Room, plan: TurnPlan, by: 1 | -1 = 1): void {
	const mover = room.present.find((id) => !room.state.removed.includes(id));
	if (mover === undefined) throw new Error('nobody present to press Next');
	const target = room.state.step + by;
	const result = applyRoomCommand(
		room.state,
		{ type: 'step.goto', target },
		plan,
		{ participantId: mover, present: room.present },
		T0
	);
	if (!result.ok) throw new Error(result.error.message);
	room.state = result.state;
}

export const nameOf = (room: Room, id: string) => room.state.people[id]?.name;
export const spoke = (room: Room) =>
	room.state.speakers.map((turn) => nameOf(room, turn.participantId));
export const stepOf = (room: Room, plan: TurnPlan) =>
	planSteps({ ...plan, rounds: room.state.rounds ?? plan.rounds })[room.state.step];

export function newRoom(plan: TurnPlan, names: string[]): Room {
	const room: Room = { state: initialControlState(plan), present: [] };
	names.forEach((name, index) => join(room, plan, name, index === 0 ? 'speaker' : 'listener'));
	return room;
}

/** Presses Next until the room is in the first phase of `round`. */
export function goToRound(room: Room, plan: TurnPlan, round: number): void {
	while (!(stepOf(room, plan)?.repeats && stepOf(room, plan)?.round === round)) next(room, plan);
}
