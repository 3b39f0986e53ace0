import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import {
	FIRST_TAKE,
	type ScriptLine,
	type ScriptPause,
	type ScriptTake
} from '../protocol/room-content';

/**
 * The role-play script's takes (docs/document-schema.md): a tree rooted at {@link FIRST_TAKE},
 * one record per rewind. A take's whole script is the first `keep` lines of its parent's whole
 * script followed by its own lines.
 */

/** One line as it reads in a take's whole script. */
export interface ScriptEntry {
	line: ScriptLine;
	/** 1-based position in the take's whole script. */
	number: number;
	/** Whether the line was said in an earlier take this one branched from. */
	inherited: boolean;
}

/** A take as the take switcher shows it. */
export interface TakeSummary {
	id: string;
	/** 1-based, in the order the takes were started. */
	number: number;
	/** "Take 2". */
	name: string;
	/** "from line 2 of take 1"; empty for the first take. */
	origin: string;
	/** "Take 2 · from line 2 of take 1". */
	label: string;
	/** How many lines of the parent's script the take starts with; 0 for the first take. */
	keep: number;
}

export type RewindResult = { ok: true; take: ScriptTake } | { ok: false; message: string };

/** Server ms as a stored time: whole milliseconds, never before the epoch. */
const storedTime = (now: number) => Math.max(0, Math.round(now));

/**
 * The take records that belong to the tree, in order: each must name the first take or a take
 * accepted before it as its parent, and repeat no id. Yjs places a record after every record its
 * writer had seen, so honest parents always come earlier; a record from a bad peer whose parent
 * is unknown, later or itself is left out, which also rules out cycles.
 */
export function acceptedTakes(takes: readonly ScriptTake[]): ScriptTake[] {
	const known = new Set([FIRST_TAKE]);
	return takes.filter((take) => {
		if (known.has(take.id) || !known.has(take.parentId)) return false;
		known.add(take.id);
		return true;
	});
}

/** The take new lines go to: the latest take started, or the first take if nobody rewound. */
export function currentTakeId(takes: readonly ScriptTake[]): string {
	return acceptedTakes(takes).at(-1)?.id ?? FIRST_TAKE;
}

/**
 * A take's whole script: the lines it inherits from its ancestors, then its own, in the order
 * of the lines array. An unknown take has no script.
 */
export function takeScript(
	takes: readonly ScriptTake[],
	lines: readonly ScriptLine[],
	takeId: string
): ScriptEntry[] {
	const byId = new Map(acceptedTakes(takes).map((take) => [take.id, take]));
	if (takeId !== FIRST_TAKE && !byId.has(takeId)) return [];
	// Accepted parents always come earlier, so this walk ends at the first take.
	const chain: ScriptTake[] = [];
	for (let take = byId.get(takeId); take; take = byId.get(take.parentId)) chain.unshift(take);

	const ownLines = (id: string) => lines.filter((line) => line.takeId === id);
	let script = ownLines(FIRST_TAKE);
	for (const take of chain) script = [...script.slice(0, take.keep), ...ownLines(take.id)];
	return script.map((line, index) => ({
		line,
		number: index + 1,
		inherited: line.takeId !== takeId
	}));
}

/** Every take in the tree with its display name and where it branched from, in `locale`. */
export function describeTakes(
	takes: readonly ScriptTake[],
	locale: Locale = getLocale()
): TakeSummary[] {
	const opts = { locale };
	const firstName = m.tools_take_name({ number: 1 }, opts);
	const first: TakeSummary = {
		id: FIRST_TAKE,
		number: 1,
		name: firstName,
		origin: '',
		label: firstName,
		keep: 0
	};
	const summaries = [first];
	const numbers = new Map([[FIRST_TAKE, 1]]);
	for (const take of acceptedTakes(takes)) {
		const number = summaries.length + 1;
		const parentNumber = numbers.get(take.parentId) ?? 1;
		const name = m.tools_take_name({ number }, opts);
		const origin =
			take.keep === 0
				? m.tools_take_from_start({ parent: parentNumber }, opts)
				: m.tools_take_from_line({ line: take.keep, parent: parentNumber }, opts);
		numbers.set(take.id, number);
		summaries.push({
			id: take.id,
			number,
			name,
			origin,
			label: m.tools_take_label({ name, origin }, opts),
			keep: take.keep
		});
	}
	return summaries;
}

/**
 * A new take that keeps the first `lineNumber` lines of `fromTakeId`'s whole script and
 * becomes the current take, started at server time `now`, or why it cannot be.
 */
export function rewindTake(
	takes: readonly ScriptTake[],
	lines: readonly ScriptLine[],
	fromTakeId: string,
	lineNumber: number,
	id: string,
	now: number
): RewindResult {
	const from = describeTakes(takes).find((take) => take.id === fromTakeId);
	if (!from) return { ok: false, message: m.tools_take_unknown() };
	if (id === FIRST_TAKE || takes.some((take) => take.id === id)) {
		return { ok: false, message: m.tools_take_exists() };
	}
	const length = takeScript(takes, lines, fromTakeId).length;
	if (length === 0) return { ok: false, message: m.tools_take_empty({ take: from.name }) };
	if (!Number.isInteger(lineNumber) || lineNumber < 1 || lineNumber > length) {
		return {
			ok: false,
			message: m.tools_take_no_line({ take: from.name, length, line: lineNumber })
		};
	}
	return {
		ok: true,
		take: {
			id,
			parentId: fromTakeId,
			keep: lineNumber,
			createdAt: storedTime(now)
		}
	};
}

/**
 * A pause at server time `now` after the last line of the current take's whole script, which
 * may be a line the take inherited, with that line's number; undefined while the take has no
 * lines.
 */
export function pauseAtEnd(
	takes: readonly ScriptTake[],
	lines: readonly ScriptLine[],
	now: number
): { pause: ScriptPause; lineNumber: number } | undefined {
	const takeId = currentTakeId(takes);
	const last = takeScript(takes, lines, takeId).at(-1);
	if (!last) return undefined;
	return { pause: { takeId, lineId: last.line.id, at: storedTime(now) }, lineNumber: last.number };
}

/**
 * The ids of the lines a take was paused after. Only pauses recorded in that take count: a line
 * it inherited shows no pause from the take it was first said in, and the other way round.
 */
export function pausedLineIds(pauses: readonly ScriptPause[], takeId: string): Set<string> {
	return new Set(pauses.filter((pause) => pause.takeId === takeId).map((pause) => pause.lineId));
}
