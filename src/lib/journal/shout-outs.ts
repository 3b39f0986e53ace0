import type * as Y from 'yjs';
import type { Person } from '../protocol/control';
import { parseWithProblems } from '../protocol/problems';
import { SHOUT_OUTS_ARRAY, shoutOutSchema, type ShoutOut } from '../protocol/room-content';
import { shoutOutEntryId, type ShoutOutEntry } from './entry';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** A shout-out as everyone sees it: names as the room recorded them. */
export interface ShownShoutOut {
	id: string;
	fromName: string;
	toName: string;
	behaviour: string;
	kindUnderPressure: boolean;
	at: number;
}

/**
 * The room's shout-outs in the order sent. One that does not parse is left out, and so is a
 * second one with an id already seen (a misbehaving client cannot show one twice).
 */
export function readShoutOuts(array: Y.Array<unknown>): ShoutOut[] {
	const seen = new Set<string>();
	return array.toArray().flatMap((value) => {
		const parsed = shoutOutSchema.safeParse(value);
		if (!parsed.success || seen.has(parsed.data.id)) return [];
		seen.add(parsed.data.id);
		return [parsed.data];
	});
}

/** Named for showing; the name the server recorded wins over the one the sender's browser sent. */
export function showShoutOuts(
	shoutOuts: readonly ShoutOut[],
	people: Readonly<Record<string, Person>>,
	locale?: Locale
): ShownShoutOut[] {
	return shoutOuts.map(({ id, fromParticipantId, fromName, toParticipantId, ...rest }) => ({
		id,
		fromName: people[fromParticipantId]?.name ?? fromName,
		toName: people[toParticipantId]?.name ?? m.tools_someone_who_left({}, { locale }),
		behaviour: rest.behaviour,
		kindUnderPressure: rest.kindUnderPressure,
		at: rest.at
	}));
}

/** A sentence for the sender about one field of the shout-out. */
function problemFor(path: string, message: string): string {
	if (path === 'behaviour') return m.practice_shout_out_text_problem({ problem: message });
	if (path === 'toParticipantId') return m.practice_shout_out_choose_someone();
	return m.practice_shout_out_cannot_send({ path, problem: message });
}

export type SendResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Appends a shout-out to the room's document, stamped `at` (server time, rounded to the
 * millisecond). A shout-out that does not parse (empty, too long, to oneself) changes nothing
 * and answers its problems in plain words.
 */
export function sendShoutOut(doc: Y.Doc, shoutOut: Omit<ShoutOut, 'at'>, at: number): SendResult {
	const parsed = parseWithProblems(shoutOutSchema, { ...shoutOut, at: Math.round(at) });
	if (!parsed.ok) {
		return {
			ok: false,
			problems: [...parsed.byPath].flatMap(([path, messages]) =>
				messages.map((message) => problemFor(path, message))
			)
		};
	}
	doc.getArray<unknown>(SHOUT_OUTS_ARRAY).push([parsed.data]);
	return { ok: true };
}

/** The journal records of the shout-outs `selfId` received, for the journal to add once each. */
export function receivedShoutOuts(
	shoutOuts: readonly ShoutOut[],
	people: Readonly<Record<string, Person>>,
	context: { selfId: string; roomId: string; playbookTitle: string; now: number }
): ShoutOutEntry[] {
	return showShoutOuts(
		shoutOuts.filter(({ toParticipantId }) => toParticipantId === context.selfId),
		people
	).map((shown) => ({
		type: 'shout-out',
		id: shoutOutEntryId(shown.id),
		createdAt: context.now,
		updatedAt: context.now,
		fromName: shown.fromName,
		behaviour: shown.behaviour,
		date: shown.at,
		roomId: context.roomId,
		playbookTitle: context.playbookTitle,
		kindUnderPressure: shown.kindUnderPressure
	}));
}
