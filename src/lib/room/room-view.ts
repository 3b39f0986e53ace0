import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';
import type { ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';

/** What these views need of a roster entry. */
export type RosterEntry = Pick<Participant, 'participantId' | 'name' | 'status'>;

/** Present: here or away, not gone (as the ready count and the cast count people). */
const isPresent = (person: RosterEntry) => person.status !== 'gone';

/** The participant ids of everyone on `roster` who is present. */
export const presentIds = (roster: readonly RosterEntry[]): string[] =>
	roster.filter(isPresent).map((person) => person.participantId);

/**
 * Names people by id: the roster's name while they are listed, else the name the room recorded
 * when they joined, else words for someone who has left, in the reader's language.
 */
export function namer(
	people: ControlState['people'],
	roster: readonly RosterEntry[]
): (participantId: string) => string {
	const names = new Map(roster.map((person) => [person.participantId, person.name]));
	return (participantId) =>
		names.get(participantId) ?? people[participantId]?.name ?? m.tools_someone_who_left();
}

export function isHost(control: Pick<ControlState, 'host'>, selfId: string): boolean {
	return control.host?.participantId === selfId;
}

/** Whether this person may use the phase and timer controls (command-rights' `control` right). */
export function canControl(control: Pick<ControlState, 'host'>, selfId: string): boolean {
	return !control.host?.controlLocked || isHost(control, selfId);
}

/** Whether this person has confirmed the safety agreements and may take part. */
export function hasAgreed(control: Pick<ControlState, 'agreed'>, selfId: string): boolean {
	return control.agreed.includes(selfId);
}

/** The people present, by name in roster order: those in a list (ready, agreed) and the rest. */
export interface Tally {
	done: string[];
	waiting: string[];
}

export function tally(marked: readonly string[], roster: readonly RosterEntry[]): Tally {
	const present = roster.filter(isPresent);
	const names = (people: RosterEntry[]) => people.map((person) => person.name);
	return {
		done: names(present.filter((person) => marked.includes(person.participantId))),
		waiting: names(present.filter((person) => !marked.includes(person.participantId)))
	};
}

/** How a tally reads: its label, and what it says when nobody, or everybody, is in it. */
interface TallyWords {
	label: (names: string) => string;
	nobody: string;
	everyone: string;
}

/** Names as a short list for a status line in the person's language ("Ana, Ben"; "Ana, Ben und Cy"). */
export const shortListOf = (names: readonly string[]) =>
	new Intl.ListFormat(getLocale(), { type: 'unit', style: 'short' }).format(names);

function tallyText({ done, waiting }: Tally, words: TallyWords): string {
	if (done.length === 0) return words.nobody;
	const marked = words.label(shortListOf(done));
	return waiting.length === 0
		? `${marked} · ${words.everyone}`
		: m.room_tally_waiting({ marked, names: shortListOf(waiting) });
}

/** "Ready: Ana, Ben · waiting for Cy". */
export const readyText = (tally: Tally) =>
	tallyText(tally, {
		label: (names) => m.room_ready_label({ names }),
		nobody: m.room_ready_nobody(),
		everyone: m.room_ready_everyone()
	});

/** "Agreed: Ana · waiting for Ben": who agreed to erase a room without a host. */
export const eraseAgreementText = (tally: Tally) =>
	tallyText(tally, {
		label: (names) => m.room_erase_agreed_label({ names }),
		nobody: m.room_erase_agreed_nobody(),
		everyone: m.room_erase_agreed_everyone()
	});

export interface RaisedHand {
	participantId: string;
	name: string;
}

/** The raised hands with names, first raised first. */
export function handsQueue(
	control: Pick<ControlState, 'hands' | 'people'>,
	roster: readonly RosterEntry[]
): RaisedHand[] {
	const nameOf = namer(control.people, roster);
	return control.hands.map((participantId) => ({ participantId, name: nameOf(participantId) }));
}

/**
 * What changed between two hand queues, for a screen reader: "Cy raised a hand. Hands up: 2."
 * Empty when nobody raised or lowered a hand.
 */
export function handsChange(
	before: readonly string[],
	after: readonly string[],
	nameOf: (participantId: string) => string
): string {
	const raised = after
		.filter((id) => !before.includes(id))
		.map((id) => m.room_hands_raised({ name: nameOf(id) }));
	const lowered = before
		.filter((id) => !after.includes(id))
		.map((id) => m.room_hands_lowered({ name: nameOf(id) }));
	if (raised.length + lowered.length === 0) return '';
	const count =
		after.length === 0 ? m.room_hands_none() : m.room_hands_count({ count: after.length });
	return [...raised, ...lowered, count].join(' ');
}

/** Everyone present but this person: who the host role can go to. */
export function othersPresent<T extends RosterEntry>(roster: readonly T[], selfId: string): T[] {
	return roster.filter((person) => isPresent(person) && person.participantId !== selfId);
}

/** Everyone listed but this person and those already removed: whom the host can remove. */
export function removable<T extends RosterEntry>(
	roster: readonly T[],
	control: Pick<ControlState, 'removed'>,
	selfId: string
): T[] {
	return roster.filter(
		(person) => person.participantId !== selfId && !control.removed.includes(person.participantId)
	);
}

/**
 * Whose Remove button takes keyboard focus once the host has removed `gone`: the next person
 * still listed, in the order the host saw (`before`), else the one before; else someone who
 * joined meanwhile, as the list still shows; nobody only when no one else is listed `now`.
 * A host clearing out several people goes on from where they were.
 */
export function removeFocusAfter(
	before: readonly string[],
	now: readonly string[],
	gone: string
): string | undefined {
	const at = before.indexOf(gone);
	const listed = (id: string) => id !== gone && now.includes(id);
	return (
		before.slice(at + 1).find(listed) ??
		before.slice(0, Math.max(at, 0)).findLast(listed) ??
		now.find((id) => id !== gone)
	);
}
