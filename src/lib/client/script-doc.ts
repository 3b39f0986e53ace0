import * as Y from 'yjs';
import * as core from 'zod/v4/core';
import { m } from '../paraglide/messages';
import { clipRefSchema, type ClipRef } from '../protocol/clips';
import { roleIdSchema } from '../protocol/ids';
import {
	MAX_SHIFT_CHARACTERS,
	MAX_LINE_CHARACTERS,
	MAX_VOICE_LINES,
	scriptLineSchema,
	scriptLinesName,
	scriptPauseSchema,
	scriptPausesName,
	scriptTakeSchema,
	scriptTakesName,
	type ScriptLine,
	type ScriptPause,
	type ScriptTake
} from '../protocol/room-content';
import { currentTakeId, pauseAtEnd, rewindTake, type RewindResult } from '../room/script';

/** The script as plain data: every take record, line and pause that parses, in document order. */
export interface ScriptSnapshot {
	takes: ScriptTake[];
	lines: ScriptLine[];
	pauses: ScriptPause[];
}

export type ScriptEdit = { ok: true } | { ok: false; message: string };

/** What a person may change about a line after writing it. */
export interface LinePatch {
	text?: string;
	roleId?: string;
}

type Checked = { ok: true; value: string } | { ok: false; message: string };

function checkText(text: string): Checked {
	const value = text.trim();
	if (value.length === 0) return { ok: false, message: m.tools_script_write_first() };
	if (value.length > MAX_LINE_CHARACTERS) {
		return { ok: false, message: m.tools_script_line_too_long({ max: MAX_LINE_CHARACTERS }) };
	}
	return { ok: true, value };
}

function checkRole(roleId: string): Checked {
	return roleIdSchema.safeParse(roleId).success
		? { ok: true, value: roleId }
		: { ok: false, message: m.tools_script_choose_role() };
}

function checkShift(shift: string): Checked {
	const value = shift.trim();
	return value.length > MAX_SHIFT_CHARACTERS
		? { ok: false, message: m.tools_script_shift_too_long({ max: MAX_SHIFT_CHARACTERS }) }
		: { ok: true, value };
}

/** The items of a Y.Array of plain JSON that parse, in order. */
function parsedItems<T>(array: Y.Array<unknown>, schema: core.$ZodType<T>): T[] {
	return array.toArray().flatMap((item) => {
		const parsed = core.safeParse(schema, item);
		return parsed.success ? [parsed.data] : [];
	});
}

/**
 * One round's role-play script in the room document (docs/document-schema.md): take records
 * and pauses are plain JSON in one Y.Array each, lines are Y.Maps in another, so two people
 * changing different fields of one line both keep their change. Whatever a peer wrote that does
 * not parse is skipped. Also a deep observable over the three arrays, for `yReadable`.
 */
export class ScriptDoc {
	readonly #takes: Y.Array<unknown>;
	readonly #lines: Y.Array<unknown>;
	readonly #pauses: Y.Array<unknown>;

	constructor(
		readonly doc: Y.Doc,
		readonly key: string
	) {
		this.#takes = doc.getArray(scriptTakesName(key));
		this.#lines = doc.getArray(scriptLinesName(key));
		this.#pauses = doc.getArray(scriptPausesName(key));
	}

	observeDeep(listener: () => void): void {
		for (const array of [this.#takes, this.#lines, this.#pauses]) array.observeDeep(listener);
	}

	unobserveDeep(listener: () => void): void {
		for (const array of [this.#takes, this.#lines, this.#pauses]) array.unobserveDeep(listener);
	}

	read(): ScriptSnapshot {
		return {
			takes: parsedItems(this.#takes, scriptTakeSchema),
			lines: [...this.#lineMaps().values()].map(({ line }) => line),
			pauses: parsedItems(this.#pauses, scriptPauseSchema)
		};
	}

	/** Adds a line to the current take. */
	addLine(roleId: string, text: string): ScriptEdit {
		const checked = checkText(text);
		return checked.ok ? this.#push(roleId, { text: checked.value }) : checked;
	}

	/**
	 * Adds a line said by voice to the current take (protocol A24): the clip is the line, with
	 * no words written yet. A reference that does not parse changes nothing, nor does a person's
	 * line past MAX_VOICE_LINES in the round (every take's lines count).
	 */
	addVoiceLine(roleId: string, voice: ClipRef): ScriptEdit {
		const parsed = clipRefSchema.safeParse(voice);
		if (!parsed.success) return { ok: false, message: m.roleplay_voice_not_added() };
		const said = this.read().lines.filter(
			(line) => line.voice?.participantId === parsed.data.participantId
		).length;
		if (said >= MAX_VOICE_LINES) {
			return { ok: false, message: m.roleplay_voice_lines_full({ max: MAX_VOICE_LINES }) };
		}
		return this.#push(roleId, { text: '', voice: parsed.data });
	}

	/** Changes who says a line or what they say, writing only the fields that changed. */
	editLine(id: string, patch: LinePatch): ScriptEdit {
		const role = patch.roleId === undefined ? undefined : checkRole(patch.roleId);
		const text = patch.text === undefined ? undefined : checkText(patch.text);
		if (role?.ok === false) return role;
		if (text?.ok === false) return text;
		return this.#update(id, (map, line) => {
			if (role?.ok && role.value !== line.roleId) map.set('roleId', role.value);
			if (text?.ok && text.value !== line.text) map.set('text', text.value);
		});
	}

	/** Marks or unmarks a line as a phrase that worked. */
	toggleStar(id: string): ScriptEdit {
		return this.#update(id, (map, line) => map.set('starred', !line.starred));
	}

	/** Labels the emotional shift at a line; an empty label removes it. */
	setShift(id: string, shift: string): ScriptEdit {
		const checked = checkShift(shift);
		if (!checked.ok) return checked;
		return this.#update(id, (map, line) => {
			if (line.shift !== checked.value) map.set('shift', checked.value);
		});
	}

	/**
	 * Records a pause at server time `now` after the last line of the current take's whole
	 * script, and returns that line's number; undefined while the take has no lines.
	 */
	markPause(now: number): number | undefined {
		const { takes, lines } = this.read();
		const paused = pauseAtEnd(takes, lines, now);
		if (paused) this.#pauses.push([paused.pause]);
		return paused?.lineNumber;
	}

	/** Starts a new current take from line `lineNumber` of `fromTakeId`, at server time `now`. */
	rewind(fromTakeId: string, lineNumber: number, now: number): RewindResult {
		const { takes, lines } = this.read();
		const result = rewindTake(takes, lines, fromTakeId, lineNumber, crypto.randomUUID(), now);
		if (result.ok) this.#takes.push([result.take]);
		return result;
	}

	#push(roleId: string, said: Pick<ScriptLine, 'text' | 'voice'>): ScriptEdit {
		const role = checkRole(roleId);
		if (!role.ok) return role;
		const line: ScriptLine = {
			id: crypto.randomUUID(),
			takeId: currentTakeId(this.read().takes),
			roleId: role.value,
			starred: false,
			shift: '',
			...said
		};
		this.#lines.push([new Y.Map<unknown>(Object.entries(line))]);
		return { ok: true };
	}

	/** The first line map that parses for each id, by id. */
	#lineMaps(): Map<string, { map: Y.Map<unknown>; line: ScriptLine }> {
		const byId = new Map<string, { map: Y.Map<unknown>; line: ScriptLine }>();
		for (const item of this.#lines) {
			if (!(item instanceof Y.Map)) continue;
			const parsed = scriptLineSchema.safeParse(item.toJSON());
			if (parsed.success && !byId.has(parsed.data.id)) {
				byId.set(parsed.data.id, { map: item, line: parsed.data });
			}
		}
		return byId;
	}

	#update(id: string, change: (map: Y.Map<unknown>, line: ScriptLine) => void): ScriptEdit {
		const found = this.#lineMaps().get(id);
		if (!found) return { ok: false, message: m.tools_script_line_gone() };
		this.doc.transact(() => change(found.map, found.line));
		return { ok: true };
	}
}
