import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, expect, test } from 'vitest';
import { log, redirectLog, routeConsole, setLogLevel } from './log';

const lines: string[] = [];
const restore = redirectLog({ write: (line: string) => lines.push(line) });

afterEach(() => {
	lines.length = 0;
	setLogLevel('info');
});
afterAll(restore);

const written = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

test('a line is one JSON object with its area, fields and message', () => {
	log.rooms.warn({ roomId: 'AAAAAAAAAAAAAAAAAAAAAA', bytes: 12 }, 'storing changes failed');
	expect(written()).toEqual([
		expect.objectContaining({
			level: 40,
			area: 'rooms',
			roomId: 'AAAAAAAAAAAAAAAAAAAAAA',
			bytes: 12,
			msg: 'storing changes failed'
		})
	]);
});

test('an error keeps its type, message and code, never the data attached to it', () => {
	const error = Object.assign(new Error('disk full'), {
		code: 'ENOSPC',
		payload: 'She said she felt unheard'
	});
	log.rooms.error({ err: error }, 'storing changes failed');
	expect(written()[0]?.err).toEqual({
		type: 'Error',
		message: 'disk full',
		code: 'ENOSPC',
		stack: expect.stringContaining('disk full')
	});
	expect(lines.join('')).not.toContain('felt unheard');
});

test('a thrown value that is not an Error is logged by its type alone', () => {
	log.http.error({ err: 'She said she felt unheard' }, 'request failed');
	expect(written()[0]?.err).toEqual({ type: 'string' });
});

test('lines below the level set are not written, in every area', () => {
	setLogLevel('warn');
	log.rooms.info('room erased');
	log.http.info('request');
	log.yjs.warn('refused a write');
	expect(written().map((line) => line.msg)).toEqual(['refused a write']);
	setLogLevel('silent');
	log.server.fatal('down');
	expect(lines).toHaveLength(1);
});

test('the log goes back where it went before a redirection ends', () => {
	const other: string[] = [];
	const back = redirectLog({ write: (line: string) => other.push(line) });
	log.server.info('to the other');
	back();
	log.server.info('to the first');
	expect(other).toHaveLength(1);
	expect(written().map((line) => line.msg)).toEqual(['to the first']);
});

/**
 * Runs `lines` as an ES module in a fresh Node process; answers its exit code and its standard
 * output's lines, having checked that nothing reached standard error.
 */
function runModule(lines: string[]): { status: number | null; out: string[] } {
	// Bundled first: the server's modules import each other without extensions, as bundlers do.
	const [bundle] = buildSync({
		stdin: { contents: lines.join('\n'), resolveDir: process.cwd(), loader: 'ts' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		write: false
	}).outputFiles;
	const child = spawnSync(process.execPath, ['--input-type=module', '-e', bundle!.text], {
		encoding: 'utf8'
	});
	expect(child.stderr).toBe('');
	return { status: child.status, out: child.stdout.trim().split('\n') };
}

test('Node’s process warnings come out as JSON lines on standard output, nothing on standard error', () => {
	const { out } = runModule([
		"import { logProcessWarnings } from './server/log.ts';",
		'logProcessWarnings();',
		"process.emitWarning('an old API', { type: 'DeprecationWarning', code: 'DEP0999' });"
	]);
	expect(out).toHaveLength(1);
	expect(JSON.parse(out[0]!)).toMatchObject({
		level: 40,
		area: 'server',
		msg: 'process warning',
		err: { type: 'DeprecationWarning', message: 'an old API', code: 'DEP0999' }
	});
});

test('console lines of libraries become log lines: their words, never the values they print', () => {
	const printed: unknown[][] = [];
	const fake = {
		debug: (...args: unknown[]) => printed.push(args),
		log: (...args: unknown[]) => printed.push(args),
		info: (...args: unknown[]) => printed.push(args),
		warn: (...args: unknown[]) => printed.push(args),
		error: (...args: unknown[]) => printed.push(args)
	};
	const restore = routeConsole(fake);
	// As lib0 prints Yjs's warning in Node: colour codes around the words.
	fake.log(
		'\u001b[38;5;208m\u001b[1m[yjs] \u001b[0m\u001b[31mChanged the client-id because another client seems to be using it.\u001b[0m'
	);
	fake.log('Structs: ', { text: 'She said she felt unheard' });
	fake.error(new Error('boom'));
	restore();
	fake.warn('after the restore');
	expect(printed).toEqual([['after the restore']]);
	expect(lines.every((line) => JSON.parse(line) !== null)).toBe(true);
	expect(written()).toEqual([
		expect.objectContaining({
			level: 30,
			area: 'console',
			method: 'log',
			text: '[yjs] Changed the client-id because another client seems to be using it.'
		}),
		expect.objectContaining({ text: 'Structs:  [object]' }),
		expect.objectContaining({
			level: 50,
			method: 'error',
			err: expect.objectContaining({ type: 'Error', message: 'boom' })
		})
	]);
	expect(lines.join('')).not.toContain('felt unheard');
});

test('an exception nothing caught is one fatal JSON line, nothing on standard error, and the process stops', () => {
	for (const fail of [
		"setTimeout(() => { throw new Error('the disk is gone'); });",
		"void Promise.reject(new Error('the disk is gone'));"
	]) {
		const { status, out } = runModule([
			"import { logUncaughtFailures } from './server/log.ts';",
			'logUncaughtFailures();',
			fail
		]);
		expect(status).toBe(1);
		expect(out).toHaveLength(1);
		expect(JSON.parse(out[0]!)).toMatchObject({
			level: 60,
			area: 'server',
			msg: 'a failure nothing caught; stopping',
			err: { type: 'Error', message: 'the disk is gone' }
		});
	}
});
