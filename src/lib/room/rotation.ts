import type { ControlState, Turn } from '../protocol/control';
import type { ROTATIONS } from '../protocol/playbook';
import type { Participant } from '../protocol/presence';
import { speakerRoleId } from './steps';

/** What the rotation needs of a playbook. */
export interface RotationPlan {
	/** In playbook order: after the speaker, people take the roles in this order. */
	roles: readonly { id: string }[];
	speakerRole?: string | undefined;
	rotation: (typeof ROTATIONS)[number];
}

/** Someone who joined the room, in join order: their place in the circle. */
export interface Seat {
	participantId: string;
	name: string;
	/** The role they chose when joining. */
	roleId: string;
	/** On the roster and not gone: only present people get a role. */
	present: boolean;
}

export interface CastMember {
	participantId: string;
	name: string;
	roleId: string;
}

/** Who plays which role in one round. */
export interface Cast {
	round: number;
	speakerId: string | undefined;
	/** Everyone present, the speaker first, then round the circle. */
	members: CastMember[];
	/** The circle this cast was drawn from, so other rounds can be drawn from it too. */
	seats: readonly Seat[];
	/** The speakers on record, from the same control state. */
	turns: readonly Turn[];
}

/** One round of the rotation schedule. */
export interface ScheduledRound {
	round: number;
	speaker: CastMember | undefined;
	/** The other roles in playbook order, each with the people playing it; empty roles left out. */
	others: { roleId: string; people: CastMember[] }[];
}

/**
 * The circle: everyone who ever joined, in join order (the key order of `control.people`), so
 * a late joiner takes the last seat and someone who leaves keeps theirs.
 */
export function seatsOf(
	people: ControlState['people'],
	roster: readonly Pick<Participant, 'participantId' | 'status'>[]
): Seat[] {
	const present = new Set(
		roster.filter((person) => person.status !== 'gone').map((person) => person.participantId)
	);
	return Object.entries(people).map(([participantId, person]) => ({
		participantId,
		name: person.name,
		roleId: person.roleId,
		present: present.has(participantId)
	}));
}

const member = (seat: Seat, roleId: string): CastMember => ({
	participantId: seat.participantId,
	name: seat.name,
	roleId
});

/** Whether the plan moves people between roles at all; a single role has nothing to rotate. */
export function rotates(plan: RotationPlan): boolean {
	const speakerRole = speakerRoleId(plan);
	return (
		plan.rotation !== 'none' &&
		speakerRole !== undefined &&
		plan.roles.some((role) => role.id !== speakerRole)
	);
}

/**
 * Who speaks in `round` when nobody is on record for it: the rounds on record before it stand,
 * and each round after them goes to the present person with the fewest turns so far, the first
 * such person round the circle after the previous speaker (in the very first round, from the
 * first present seat that joined as the speaker, else the first that did). So nobody speaks twice before everyone present has
 * spoken once, a late joiner speaks soon, and someone leaving skips nobody.
 */
export function nextSpeaker(
	plan: RotationPlan,
	seats: readonly Seat[],
	turns: readonly Turn[],
	round: number
): Seat | undefined {
	const before = turns.filter((turn) => turn.round < round);
	const counts = new Map<string, number>();
	for (const turn of before) {
		counts.set(turn.participantId, (counts.get(turn.participantId) ?? 0) + 1);
	}
	const last = before.reduce<Turn | undefined>(
		(a, b) => (a && a.round > b.round ? a : b),
		undefined
	);
	const speakerRole = speakerRoleId(plan);
	const chose = (seat: Seat) => seat.roleId === speakerRole;
	const presentSpeaker = seats.findIndex((seat) => chose(seat) && seat.present);
	// Nobody present chose it: from the absent one's seat, so the next present person goes first.
	const firstSpeaker = Math.max(0, presentSpeaker >= 0 ? presentSpeaker : seats.findIndex(chose));
	const seatOf = (id: string) => seats.findIndex((seat) => seat.participantId === id);
	// Round the circle from the seat after the last speaker's.
	let from = last ? seatOf(last.participantId) + 1 : firstSpeaker;
	let speaker: Seat | undefined;
	for (let next = (last?.round ?? 0) + 1; next <= round; next++) {
		const circle = seats
			.map((_, offset) => seats[(from + offset) % seats.length])
			.filter((seat): seat is Seat => seat?.present === true);
		const fewest = Math.min(...circle.map((seat) => counts.get(seat.participantId) ?? 0));
		speaker = circle.find((seat) => (counts.get(seat.participantId) ?? 0) === fewest);
		if (!speaker) return undefined;
		counts.set(speaker.participantId, fewest + 1);
		from = seatOf(speaker.participantId) + 1;
	}
	return speaker;
}

/** The speaker on record for `round`, if any and still on record as a person. */
const recordedSpeaker = (seats: readonly Seat[], turns: readonly Turn[], round: number) => {
	const id = turns.find((turn) => turn.round === round)?.participantId;
	return seats.find((seat) => seat.participantId === id);
};

/** Everyone present, starting at `speaker`'s seat (present or not) and going round the circle. */
function circleFrom(plan: RotationPlan, seats: readonly Seat[], speaker: Seat): CastMember[] {
	const speakerRole = speakerRoleId(plan) ?? speaker.roleId;
	const others = plan.roles.map((role) => role.id).filter((id) => id !== speakerRole);
	const start = seats.indexOf(speaker);
	const circle = seats
		.map((_, offset) => seats[(start + offset) % seats.length])
		.filter((seat): seat is Seat => seat?.present === true && seat !== speaker);
	return [
		...(speaker.present ? [member(speaker, speakerRole)] : []),
		...circle.map((seat, position) =>
			member(seat, others[Math.min(position + 1, others.length) - 1] ?? speakerRole)
		)
	];
}

/**
 * Who plays which role in `round` (1-based). Without rotation everyone keeps the role they
 * joined as. With rotation the round's speaker is the one on record (`turns`, written by the
 * server as rounds start) if present, else {@link nextSpeaker}. After the speaker, people in
 * circle order take the other roles in playbook order, one each, except the last role, which
 * takes everyone left: a pair swaps, a circle gets listeners or a counterpart and observers.
 */
export function castInRound(
	plan: RotationPlan,
	seats: readonly Seat[],
	round: number,
	turns: readonly Turn[] = []
): Cast {
	const speakerRole = speakerRoleId(plan);
	const present = seats.filter((seat) => seat.present);
	if (!rotates(plan)) {
		const first = present.findIndex((seat) => seat.roleId === speakerRole);
		const circle = first === -1 ? present : [...present.slice(first), ...present.slice(0, first)];
		return {
			round,
			speakerId: present[first]?.participantId,
			members: circle.map((seat) => member(seat, seat.roleId)),
			seats,
			turns
		};
	}
	const recorded = recordedSpeaker(seats, turns, round);
	const speaker = recorded?.present ? recorded : nextSpeaker(plan, seats, turns, round);
	const members = speaker ? circleFrom(plan, seats, speaker) : [];
	return { round, speakerId: speaker?.participantId, members, seats, turns };
}

/** The role someone plays in a cast; none for someone not present. */
export function roleIn(cast: Cast, participantId: string): string | undefined {
	return cast.members.find((person) => person.participantId === participantId)?.roleId;
}

/**
 * Whether a role watches rather than takes part: neither the speaker nor the first role after
 * it (the listener or counterpart). A pair has none.
 */
export function isObserverRole(plan: RotationPlan, roleId: string | undefined): boolean {
	const speakerRole = speakerRoleId(plan);
	const counterpart = plan.roles.find((role) => role.id !== speakerRole)?.id;
	return roleId !== undefined && roleId !== speakerRole && roleId !== counterpart;
}

/**
 * Rounds 1 to `rounds`, each with its speaker and the others grouped by role. A round on record
 * names who spoke in it even if they have left since; the others are those present now.
 */
export function rotationSchedule(
	plan: RotationPlan,
	seats: readonly Seat[],
	rounds: number,
	turns: readonly Turn[] = []
): ScheduledRound[] {
	return Array.from({ length: rounds }, (_, index) => {
		const round = index + 1;
		const recorded = rotates(plan) ? recordedSpeaker(seats, turns, round) : undefined;
		const cast = recorded ? undefined : castInRound(plan, seats, round, turns);
		const members = cast?.members ?? (recorded ? circleFrom(plan, seats, recorded) : []);
		const speakerId = recorded?.participantId ?? cast?.speakerId;
		const speaker = recorded
			? member(recorded, speakerRoleId(plan) ?? recorded.roleId)
			: members.find((person) => person.participantId === speakerId);
		const others = plan.roles
			.map((role) => ({
				roleId: role.id,
				people: members.filter(
					(person) => person.participantId !== speakerId && person.roleId === role.id
				)
			}))
			.filter((group) => group.people.length > 0);
		return { round, speaker, others };
	});
}

/** The cast of `round` in a room: its circle from the people on record and those present now. */
export function castFor(
	playbook: RotationPlan,
	control: Pick<ControlState, 'people' | 'speakers'>,
	roster: readonly Pick<Participant, 'participantId' | 'status'>[],
	round: number
): Cast {
	return castInRound(playbook, seatsOf(control.people, roster), round, control.speakers);
}
