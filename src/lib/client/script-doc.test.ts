import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLIP_GRACE_MS, MAX_CLIP_MS } from '../protocol/clips';
import {
	MAX_SHIFT_CHARACTERS,
	FIRST_TAKE,
	MAX_LINE_CHARACTERS,
	MAX_VOICE_LINES,
	scriptLinesName,
	scriptPausesName,
	scriptTakesName
} from '../protocol/room-content';
import { pausedLineIds, takeScript } from '../room/script';
import { ScriptDoc } from './script-doc';

const KEY = 'round-1';

/**
 * Two copies of a room document whose updates wait in a queue until `deliver()`, so both
 * sides can change the script before seeing each other's changes.
 */
function pair() {
	const mine = new Y.Doc();
	const theirs = new Y.Doc();
	const queue: { to: Y.Doc; update: Uint8Array }[] = [];
	const send = (from: Y.Doc, to: Y.Doc) =>
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'sync') queue.push({ to, update });
		});
	send(mine, theirs);
	send(theirs, mine);
	return {
		mine: new ScriptDoc(mine, KEY),
		theirs: new ScriptDoc(theirs, KEY),
		deliver() {
			for (const { to, update } of queue.splice(0)) Y.applyUpdate(to, update, 'sync');
		}
	};
}

/** The text of each take's whole script, take by take. */
function scripts(script: ScriptDoc): string[][] {
	const { takes, lines } = script.read();
	return [FIRST_TAKE, ...takes.map((take) => take.id)].map((takeId) =>
		takeScript(takes, lines, takeId).map((entry) => entry.line.text)
	);
}

function addLines(script: ScriptDoc, ...texts: string[]) {
	for (const text of texts) expect(script.addLine('speaker', text)).toEqual({ ok: true });
}

describe('script document', () => {
	test('a line written on one side reaches the other, trimmed, in the first take', () => {
		const { mine, theirs, deliver } = pair();
		addLines(mine, '  Can I share something?  ');
		deliver();
		expect(theirs.read().lines).toEqual([
			{
				id: expect.any(String),
				takeId: FIRST_TAKE,
				roleId: 'speaker',
				text: 'Can I share something?',
				starred: false,
				shift: ''
			}
		]);
	});

	test('[A24] a line said by voice reaches the other side with its clip and no words yet', () => {
		const { mine, theirs, deliver } = pair();
		const voice = {
			clipId: 'A'.repeat(22),
			participantId: 'ana-0001',
			phaseId: 'play',
			type: 'audio/webm' as const,
			durationMs: 4_000,
			at: 1_700_000_000_000
		};
		addLines(mine, 'Can I share something?');
		expect(mine.addVoiceLine('practitioner', voice)).toEqual({ ok: true });
		deliver();
		expect(theirs.read().lines.map(({ roleId, text, voice }) => ({ roleId, text, voice }))).toEqual(
			[
				{ roleId: 'speaker', text: 'Can I share something?', voice: undefined },
				{ roleId: 'practitioner', text: '', voice }
			]
		);
		// Words written down later keep the clip: the line can be starred like any other.
		const spoken = theirs.read().lines[1]?.id ?? '';
		expect(theirs.editLine(spoken, { text: 'I need a week more.' })).toEqual({ ok: true });
		expect(theirs.read().lines[1]).toMatchObject({ text: 'I need a week more.', voice });
	});

	test('[A24] [B3] a line recorded to the limit goes in: the server keeps it with its grace', () => {
		// The recorder stops itself at three minutes and its last block ends a little after; the
		// server takes that (B3), so the script must too, or the longest takes would be refused.
		const { mine } = pair();
		const voice = {
			clipId: 'A'.repeat(22),
			participantId: 'ana-0001',
			phaseId: 'play',
			type: 'audio/webm' as const,
			durationMs: MAX_CLIP_MS + CLIP_GRACE_MS,
			at: 1_700_000_000_000
		};
		expect(mine.addVoiceLine('practitioner', voice)).toEqual({ ok: true });
		expect(mine.read().lines.map((line) => line.voice)).toEqual([voice]);
	});

	test('[A24] a person’s voice lines stop at MAX_VOICE_LINES a round, counted over every take', () => {
		const { mine } = pair();
		const voice = (participantId: string, n: number) => ({
			clipId: n.toString().padStart(22, 'A'),
			participantId,
			phaseId: 'play',
			type: 'audio/webm' as const,
			durationMs: 1_000,
			at: n
		});
		for (let n = 0; n < MAX_VOICE_LINES; n++) {
			expect(mine.addVoiceLine('practitioner', voice('ana-0001', n))).toEqual({ ok: true });
		}
		expect(mine.addVoiceLine('practitioner', voice('ana-0001', 99))).toEqual({
			ok: false,
			message: `You have recorded ${MAX_VOICE_LINES} lines in this round’s role-play, the most it keeps. Write the next one down instead.`
		});
		// Someone else still says theirs.
		expect(mine.addVoiceLine('speaker', voice('bo-00001', 99))).toEqual({ ok: true });
		expect(mine.read().lines).toHaveLength(MAX_VOICE_LINES + 1);
	});

	test('[A24] a voice line whose clip reference does not parse, or without a role, is refused', () => {
		const { mine } = pair();
		const voice = {
			clipId: 'not a clip id',
			participantId: 'ana-0001',
			phaseId: 'play',
			type: 'audio/webm' as const,
			durationMs: 4_000,
			at: 0
		};
		expect(mine.addVoiceLine('practitioner', voice)).toEqual({
			ok: false,
			message: 'That recording could not be added to the script. Record it again.'
		});
		expect(mine.addVoiceLine('', { ...voice, clipId: 'A'.repeat(22) })).toMatchObject({
			ok: false
		});
		expect(mine.read().lines).toEqual([]);
	});

	test('[A24] a peer’s voice line whose reference does not parse is skipped, the rest stays', () => {
		// A crafted write: a path for the clip id (the player puts it in a URL), a length past
		// the server's limit, no owner. Each such line is left out rather than played.
		const doc = new Y.Doc();
		const script = new ScriptDoc(doc, KEY);
		addLines(script, 'Written.');
		const good = {
			clipId: 'A'.repeat(22),
			participantId: 'ana-0001',
			phaseId: 'play',
			type: 'audio/webm',
			durationMs: 4_000,
			at: 1
		};
		const crafted = [
			{ ...good, clipId: '../../../api/rooms/other/clips/x' },
			{ ...good, durationMs: MAX_CLIP_MS + CLIP_GRACE_MS + 1 },
			{ clipId: good.clipId },
			'a clip'
		];
		const base = { takeId: FIRST_TAKE, roleId: 'speaker', text: '', starred: false, shift: '' };
		doc
			.getArray(scriptLinesName(KEY))
			.push(
				crafted.map(
					(voice, index) =>
						new Y.Map<unknown>(Object.entries({ ...base, id: `bad-${index}`, voice }))
				)
			);
		expect(script.read().lines.map((line) => line.text)).toEqual(['Written.']);
	});

	test('a rewind on one side and a line added on the other both reach both sides', () => {
		const { mine, theirs, deliver } = pair();
		addLines(mine, 'a', 'b', 'c');
		deliver();

		expect(mine.rewind(FIRST_TAKE, 2, 5000).ok).toBe(true);
		addLines(theirs, 'd');
		deliver();
		// The line was written before its writer saw the rewind, so it went to the first take.
		expect(scripts(mine)).toEqual([
			['a', 'b', 'c', 'd'],
			['a', 'b']
		]);
		expect(scripts(theirs)).toEqual(scripts(mine));

		addLines(theirs, 'b again');
		deliver();
		expect(scripts(mine)).toEqual([
			['a', 'b', 'c', 'd'],
			['a', 'b', 'b again']
		]);
		expect(scripts(theirs)).toEqual(scripts(mine));
	});

	test('concurrent edits to different fields of one line all survive', () => {
		const { mine, theirs, deliver } = pair();
		addLines(mine, 'You always do this.');
		deliver();
		const id = mine.read().lines[0]?.id ?? '';

		expect(mine.editLine(id, { text: 'I noticed this twice this week.' })).toEqual({ ok: true });
		expect(theirs.toggleStar(id)).toEqual({ ok: true });
		expect(theirs.setShift(id, 'defensive → open')).toEqual({ ok: true });
		expect(theirs.editLine(id, { roleId: 'listener' })).toEqual({ ok: true });
		deliver();

		for (const side of [mine, theirs]) {
			expect(side.read().lines[0]).toMatchObject({
				text: 'I noticed this twice this week.',
				roleId: 'listener',
				starred: true,
				shift: 'defensive → open'
			});
		}
	});

	test('a pause is recorded after the last line of the current take, inherited or not', () => {
		const { mine, theirs, deliver } = pair();
		expect(mine.markPause(1000)).toBeUndefined();
		expect(mine.read().pauses).toEqual([]);
		addLines(mine, 'a', 'b', 'c');
		expect(mine.markPause(2000)).toBe(3);
		mine.rewind(FIRST_TAKE, 1, 3000);
		expect(mine.markPause(4000)).toBe(1);
		deliver();

		const { takes, lines, pauses } = theirs.read();
		const [a, , c] = lines.map((line) => line.id);
		const second = takes[0]?.id ?? '';
		expect(pauses).toEqual([
			{ takeId: FIRST_TAKE, lineId: c, at: 2000 },
			{ takeId: second, lineId: a, at: 4000 }
		]);
		// The pause right after the rewind is on a shared line, yet shows in the new take only.
		expect(pausedLineIds(pauses, FIRST_TAKE)).toEqual(new Set([c]));
		expect(pausedLineIds(pauses, second)).toEqual(new Set([a]));
	});

	test('stars toggle and an empty shift label removes the label', () => {
		const { mine } = pair();
		addLines(mine, 'a');
		const id = mine.read().lines[0]?.id ?? '';
		mine.toggleStar(id);
		mine.toggleStar(id);
		mine.setShift(id, 'calm → tense');
		mine.setShift(id, '   ');
		expect(mine.read().lines[0]).toMatchObject({ starred: false, shift: '' });
	});

	test('lines that are too long, empty or without a valid role are refused unwritten', () => {
		const { mine } = pair();
		expect(mine.addLine('speaker', 'x'.repeat(MAX_LINE_CHARACTERS + 1))).toEqual({
			ok: false,
			message: `A line can be at most ${MAX_LINE_CHARACTERS} characters.`
		});
		expect(mine.addLine('speaker', '   ').ok).toBe(false);
		expect(mine.addLine('Not A Role', 'hello').ok).toBe(false);
		expect(mine.read().lines).toEqual([]);

		addLines(mine, 'x'.repeat(MAX_LINE_CHARACTERS));
		const id = mine.read().lines[0]?.id ?? '';
		expect(mine.editLine(id, { text: 'y'.repeat(MAX_LINE_CHARACTERS + 1) }).ok).toBe(false);
		expect(mine.setShift(id, 's'.repeat(MAX_SHIFT_CHARACTERS + 1)).ok).toBe(false);
		expect(mine.editLine('missing', { text: 'hi' })).toEqual({
			ok: false,
			message: 'That line is not in the script any more.'
		});
		expect(mine.read().lines[0]?.text).toBe('x'.repeat(MAX_LINE_CHARACTERS));
	});

	test('rewinding past the end of a take is refused and adds no take', () => {
		const { mine } = pair();
		addLines(mine, 'a');
		expect(mine.rewind(FIRST_TAKE, 2, 0).ok).toBe(false);
		expect(mine.read().takes).toEqual([]);
	});

	test('what a bad peer wrote that does not parse is skipped, and a repeated id counts once', () => {
		const doc = new Y.Doc();
		const script = new ScriptDoc(doc, KEY);
		addLines(script, 'good');
		const good = script.read().lines[0];
		const lines = doc.getArray<unknown>(scriptLinesName(KEY));
		lines.push([
			'not a map',
			new Y.Map<unknown>([['id', 'bad']]),
			new Y.Map<unknown>(Object.entries({ ...good, text: 'copy' }))
		]);
		doc
			.getArray<unknown>(scriptTakesName(KEY))
			.push([{ id: 'no-parent' }, 42, { id: 't2', parentId: FIRST_TAKE, keep: 1, createdAt: 0 }]);
		doc.getArray<unknown>(scriptPausesName(KEY)).push([
			{ takeId: FIRST_TAKE, lineId: 'l1', at: -5 },
			{ takeId: FIRST_TAKE, lineId: 'l1', at: 7 }
		]);

		expect(script.read()).toEqual({
			takes: [{ id: 't2', parentId: FIRST_TAKE, keep: 1, createdAt: 0 }],
			lines: [good],
			pauses: [{ takeId: FIRST_TAKE, lineId: 'l1', at: 7 }]
		});
	});
});
