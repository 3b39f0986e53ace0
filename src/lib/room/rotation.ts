import type { ControlState } from '../protocol/control';
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

/**
 * Who plays which role in `round` (1-based). Without rotation everyone keeps the role they
 * joined as. With rotation the speaker's turn moves one seat round the circle each round, from
 * the first seat that joined as the speaker; a turn whose seat is empty passes to the next
 * present seat, so joins and leaves change the speaker only when the speaker is the one who left.
 * After the speaker, people in circle order take the other roles in playbook order, one each,
 * except the last role, which takes everyone left: a pair swaps, a circle gets listeners or a
 * counterpart and observers.
 */
export function castInRound(plan: RotationPlan, seats: readonly Seat[], round: number): Cast {
	const speakerRole = speakerRoleId(plan);
	const others = plan.roles.map((role) => role.id).filter((id) => id !== speakerRole);
	const present = seats.filter((seat) => seat.present);
	// With a single role there is nothing to rotate.
	if (plan.rotation === 'none' || speakerRole === undefined || others.length === 0) {
		const first = present.findIndex((seat) => seat.roleId === speakerRole);
		const circle = first === -1 ? present : [...present.slice(first), ...present.slice(0, first)];
		return {
			round,
			speakerId: present[first]?.participantId,
			members: circle.map((seat) => member(seat, seat.roleId)),
			seats
		};
	}
	const firstSpeaker = Math.max(
		0,
		seats.findIndex((seat) => seat.roleId === speakerRole)
	);
	const turn = firstSpeaker + round - 1;
	const circle = seats
		.map((_, offset) => seats[(turn + offset) % seats.length])
		.filter((seat): seat is Seat => seat?.present === true);
	const members = circle.map((seat, position) =>
		member(
			seat,
			position === 0 ? speakerRole : (others[Math.min(position, others.length) - 1] ?? speakerRole)
		)
	);
	return { round, speakerId: members[0]?.participantId, members, seats };
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

/** Rounds 1 to `rounds`, each with its speaker and the others grouped by role. */
export function rotationSchedule(
	plan: RotationPlan,
	seats: readonly Seat[],
	rounds: number
): ScheduledRound[] {
	return Array.from({ length: rounds }, (_, index) => {
		const cast = castInRound(plan, seats, index + 1);
		const speaker = cast.members.find((person) => person.participantId === cast.speakerId);
		const others = plan.roles
			.map((role) => ({
				roleId: role.id,
				people: cast.members.filter((person) => person !== speaker && person.roleId === role.id)
			}))
			.filter((group) => group.people.length > 0);
		return { round: cast.round, speaker, others };
	});
}

/** The cast of `round` in a room: its circle from the people on record and those present now. */
export function castFor(
	playbook: RotationPlan,
	control: Pick<ControlState, 'people'>,
	roster: readonly Pick<Participant, 'participantId' | 'status'>[],
	round: number
): Cast {
	return castInRound(playbook, seatsOf(control.people, roster), round);
}
