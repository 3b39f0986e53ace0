import { expect, test } from 'vitest';
import { textLine } from './log-text';

const line = (fields: Record<string, unknown>) =>
	`${JSON.stringify({ time: 1, pid: 1, hostname: 'h', ...fields })}\n`;

test('an info line is its message alone', () => {
	expect(
		textLine(
			line({
				level: 30,
				area: 'server',
				url: 'http://localhost:3000',
				msg: 'Practice Room is running at http://localhost:3000 — data in ./data'
			})
		)
	).toBe('Practice Room is running at http://localhost:3000 — data in ./data\n');
});

test('a warning names its level and area, and leaves the other fields to the JSON form', () => {
	expect(
		textLine(line({ level: 40, area: 'rooms', roomId: 'AAAA', msg: 'storing changes failed' }))
	).toBe('warn [rooms] storing changes failed\n');
});

test('an error shows its stack, indented under the message', () => {
	const text = textLine(
		line({
			level: 50,
			area: 'http',
			err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (server/app.ts:3:9)' },
			msg: 'request failed'
		})
	);
	expect(text).toBe('error [http] request failed\n  Error: boom\n      at f (server/app.ts:3:9)\n');
});

test('an error without a stack shows its type and message', () => {
	expect(
		textLine(
			line({ level: 60, area: 'server', err: { type: 'TypeError', message: 'x' }, msg: 'stop' })
		)
	).toBe('fatal [server] stop\n  TypeError: x\n');
});

test('a line that is not one of ours passes unchanged', () => {
	expect(textLine('not json\n')).toBe('not json\n');
	expect(textLine('{"no":"level"}\n')).toBe('{"no":"level"}\n');
});
