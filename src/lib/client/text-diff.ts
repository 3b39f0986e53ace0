/** One contiguous edit: at `index`, remove `remove` characters and insert `insert`. */
export interface TextEdit {
	index: number;
	remove: number;
	insert: string;
}

/**
 * The single edit that turns `before` into `after` (what a textarea input event did), found by
 * trimming the common prefix and suffix. Undefined when nothing changed.
 */
export function diffText(before: string, after: string): TextEdit | undefined {
	if (before === after) return undefined;
	let start = 0;
	const shorter = Math.min(before.length, after.length);
	while (start < shorter && before[start] === after[start]) start++;
	let end = 0;
	while (
		end < shorter - start &&
		before[before.length - 1 - end] === after[after.length - 1 - end]
	) {
		end++;
	}
	return {
		index: start,
		remove: before.length - start - end,
		insert: after.slice(start, after.length - end)
	};
}

/** A Yjs text delta: what a remote change did to the text. */
export type TextDelta = { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a cursor at `position` ends up after a remote change, so that someone else's typing
 * does not move your caret. Text inserted exactly at the cursor goes after it.
 */
export function moveCursor(position: number, delta: TextDelta): number {
	let oldIndex = 0;
	let shift = 0;
	for (const op of delta) {
		if (op.retain !== undefined) {
			oldIndex += op.retain;
		} else if (op.insert !== undefined) {
			if (oldIndex < position) shift += typeof op.insert === 'string' ? op.insert.length : 1;
		} else if (op.delete !== undefined) {
			if (oldIndex < position) shift -= Math.min(op.delete, position - oldIndex);
			oldIndex += op.delete;
		}
		if (oldIndex >= position) break;
	}
	return position + shift;
}

/** Where a change ends in the new text: the caret's place after undoing or redoing it. */
export function changeEnd(delta: TextDelta): number {
	let index = 0;
	let end = 0;
	for (const op of delta) {
		if (op.retain !== undefined) index += op.retain;
		else if (op.insert !== undefined) {
			index += typeof op.insert === 'string' ? op.insert.length : 1;
			end = index;
		} else if (op.delete !== undefined) end = index;
	}
	return end;
}
