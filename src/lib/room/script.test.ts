import { describe, expect, test } from 'vitest';
import { FIRST_TAKE, type ScriptLine, type ScriptTake } from '../protocol/room-content';
import {
	currentTakeId,
	describeTakes,
	pauseAtEnd,
	pausedLineIds,
	rewindTake,
	takeScript
} from './script';

const line = (id: string, takeId: string, text = id): ScriptLine => ({
	id,
	takeId,
	roleId: 'speaker',
	text,
	starred: false,
	shift: ''
});

const take = (id: string, parentId: string, keep: number): ScriptTake => ({
	id,
	parentId,
	keep,
	createdAt: 1000
});

/** The text of a take's whole script, one entry per line. */
const texts = (takes: ScriptTake[], lines: ScriptLine[], takeId: string) =>
	takeScript(takes, lines, takeId).map((entry) => entry.line.text);

/** Rewinds and returns the new take, failing the test if the rewind was refused. */
function rewind(takes: ScriptTake[], lines: ScriptLine[], from: string, n: number, id: string) {
	const result = rewindTake(takes, lines, from, n, id, 2000);
	if (!result.ok) throw new Error(result.message);
	return result.take;
}

describe('script takes', () => {
	test('without rewinds every line belongs to the first take, numbered in order', () => {
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('c', FIRST_TAKE)];
		expect(currentTakeId([])).toBe(FIRST_TAKE);
		expect(takeScript([], lines, FIRST_TAKE)).toEqual([
			{ line: lines[0], number: 1, inherited: false },
			{ line: lines[1], number: 2, inherited: false },
			{ line: lines[2], number: 3, inherited: false }
		]);
	});

	test('rewinding to line 2 keeps lines 1–2 and continues in a new current take', () => {
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('c', FIRST_TAKE)];
		const second = rewind([], lines, FIRST_TAKE, 2, 'take-x');
		expect(second).toEqual({ id: 'take-x', parentId: FIRST_TAKE, keep: 2, createdAt: 2000 });
		const takes = [second];
		expect(currentTakeId(takes)).toBe('take-x');
		lines.push(line('d', 'take-x'));

		expect(texts(takes, lines, 'take-x')).toEqual(['a', 'b', 'd']);
		expect(takeScript(takes, lines, 'take-x').map((entry) => entry.inherited)).toEqual([
			true,
			true,
			false
		]);
		expect(texts(takes, lines, FIRST_TAKE)).toEqual(['a', 'b', 'c']);
	});

	test('lines added to the first take after a rewind stay out of the new take', () => {
		const takes = [take('t2', FIRST_TAKE, 1)];
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('late', FIRST_TAKE)];
		expect(texts(takes, lines, 't2')).toEqual(['a']);
		expect(texts(takes, lines, FIRST_TAKE)).toEqual(['a', 'b', 'late']);
	});

	test('rewinding twice branches from the current take’s whole script', () => {
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('c', FIRST_TAKE)];
		const takes = [rewind([], lines, FIRST_TAKE, 2, 't2')];
		lines.push(line('d', 't2'), line('e', 't2'));
		takes.push(rewind(takes, lines, 't2', 3, 't3'));
		lines.push(line('f', 't3'));

		expect(currentTakeId(takes)).toBe('t3');
		expect(texts(takes, lines, 't3')).toEqual(['a', 'b', 'd', 'f']);
		expect(takeScript(takes, lines, 't3').map((entry) => entry.number)).toEqual([1, 2, 3, 4]);
		expect(texts(takes, lines, 't2')).toEqual(['a', 'b', 'd', 'e']);
		expect(describeTakes(takes).map((summary) => summary.label)).toEqual([
			'Take 1',
			'Take 2 · from line 2 of take 1',
			'Take 3 · from line 3 of take 2'
		]);
		expect(describeTakes(takes, 'de').at(-1)?.label).toBe('Take 3 · ab Zeile 3 von Take 2');
		expect(describeTakes(takes, 'es').at(-1)?.label).toBe('Toma 3 · desde la línea 3 de la toma 2');
	});

	test('rewinding inside an older take branches from that take’s view', () => {
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('c', FIRST_TAKE)];
		const takes = [rewind([], lines, FIRST_TAKE, 1, 't2')];
		lines.push(line('d', 't2'));
		takes.push(rewind(takes, lines, FIRST_TAKE, 3, 't3'));
		lines.push(line('e', 't3'));

		expect(texts(takes, lines, 't3')).toEqual(['a', 'b', 'c', 'e']);
		expect(texts(takes, lines, 't2')).toEqual(['a', 'd']);
		expect(describeTakes(takes).at(-1)?.label).toBe('Take 3 · from line 3 of take 1');
	});

	test('rewinding to a line the take does not have is refused in plain words', () => {
		const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE)];
		expect(rewindTake([], lines, FIRST_TAKE, 3, 't2', 0)).toEqual({
			ok: false,
			message: 'Take 1 has lines 1 to 2; line 3 is not one of them.'
		});
		expect(rewindTake([], lines, FIRST_TAKE, 0, 't2', 0).ok).toBe(false);
		expect(rewindTake([], [], FIRST_TAKE, 1, 't2', 0)).toEqual({
			ok: false,
			message: 'Take 1 has no lines to rewind to yet.'
		});
		expect(rewindTake([], lines, 'nowhere', 1, 't2', 0)).toEqual({
			ok: false,
			message: 'That take is not in this script.'
		});
		expect(rewindTake([], lines, FIRST_TAKE, 1, FIRST_TAKE, 0).ok).toBe(false);
	});

	test('the rewind time is stored as whole milliseconds', () => {
		const result = rewindTake([], [line('a', FIRST_TAKE)], FIRST_TAKE, 1, 't2', 1234.6);
		expect(result.ok && result.take.createdAt).toBe(1235);
	});
});

describe('take records from a bad peer', () => {
	const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('x', 'orphan')];

	test('a take with an unknown parent is left out and never becomes current', () => {
		const takes = [take('t2', FIRST_TAKE, 1), take('orphan', 'missing', 1)];
		expect(currentTakeId(takes)).toBe('t2');
		expect(takeScript(takes, lines, 'orphan')).toEqual([]);
		expect(describeTakes(takes).map((summary) => summary.id)).toEqual([FIRST_TAKE, 't2']);
	});

	test('takes that name each other as parents form no cycle and are left out', () => {
		const takes = [take('p', 'q', 1), take('q', 'p', 1), take('self', 'self', 1)];
		expect(currentTakeId(takes)).toBe(FIRST_TAKE);
		expect(takeScript(takes, lines, 'p')).toEqual([]);
		expect(takeScript(takes, lines, 'self')).toEqual([]);
		expect(describeTakes(takes)).toHaveLength(1);
	});

	test('a repeated take id or one reusing the first take’s id counts once', () => {
		const takes = [
			take(FIRST_TAKE, FIRST_TAKE, 0),
			take('t2', FIRST_TAKE, 2),
			take('t2', FIRST_TAKE, 0)
		];
		expect(texts(takes, lines, 't2')).toEqual(['a', 'b']);
		expect(texts(takes, lines, FIRST_TAKE)).toEqual(['a', 'b']);
		expect(describeTakes(takes).map((summary) => summary.number)).toEqual([1, 2]);
	});

	test('keeping more lines than the parent has keeps what there is', () => {
		expect(texts([take('t2', FIRST_TAKE, 9)], lines, 't2')).toEqual(['a', 'b']);
	});

	test('a take keeping no lines starts from the top', () => {
		const takes = [take('t2', FIRST_TAKE, 0)];
		expect(texts(takes, [...lines, line('c', 't2')], 't2')).toEqual(['c']);
		expect(describeTakes(takes)[1]?.label).toBe('Take 2 · from the start of take 1');
	});
});

describe('pauses', () => {
	const lines = [line('a', FIRST_TAKE), line('b', FIRST_TAKE), line('c', FIRST_TAKE)];

	test('a pause falls after the last line of the current take, at whole milliseconds', () => {
		expect(pauseAtEnd([], [], 0)).toBeUndefined();
		expect(pauseAtEnd([], lines, 1234.4)).toEqual({
			pause: { takeId: FIRST_TAKE, lineId: 'c', at: 1234 },
			lineNumber: 3
		});
	});

	test('right after a rewind the pause names the new take and the line it inherited', () => {
		const takes = [take('t2', FIRST_TAKE, 1)];
		expect(pauseAtEnd(takes, lines, 5000)).toEqual({
			pause: { takeId: 't2', lineId: 'a', at: 5000 },
			lineNumber: 1
		});
	});

	test('a take shows only its own pauses, even on a line it shares with another take', () => {
		const pauses = [
			{ takeId: 't2', lineId: 'a', at: 1 },
			{ takeId: FIRST_TAKE, lineId: 'c', at: 2 },
			{ takeId: FIRST_TAKE, lineId: 'c', at: 3 }
		];
		expect(pausedLineIds(pauses, FIRST_TAKE)).toEqual(new Set(['c']));
		expect(pausedLineIds(pauses, 't2')).toEqual(new Set(['a']));
		expect(pausedLineIds(pauses, 't3')).toEqual(new Set());
	});
});
