import { describe, expect, test } from 'vitest';
import { readRepoFile as read } from '../support/compose-file';

/**
 * A lint of the Dockerfile: the hadolint rules (named DLxxxx as there) that apply to this
 * image, written as tests because hadolint itself cannot be installed here (not in Debian's
 * archive; its npm wrappers download a binary at install). docs/operations.md, "What the tests
 * check without Docker".
 */

interface Instruction {
	keyword: string;
	args: string;
	/** The build stage: 0 for the first FROM's. */
	stage: number;
}

/** The Dockerfile's instructions: comments dropped, continued lines joined. */
function instructions(text: string): Instruction[] {
	const logical = text
		.split('\n')
		.filter((line) => !/^\s*#/.test(line))
		.join('\n')
		.replace(/\\\n\s*/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
	let stage = -1;
	return logical.map((line) => {
		const [keyword = '', ...rest] = line.split(/\s+/);
		if (keyword.toUpperCase() === 'FROM') stage++;
		return { keyword: keyword.toUpperCase(), args: rest.join(' '), stage };
	});
}

const all = instructions(read('Dockerfile'));
const lastStage = Math.max(...all.map(({ stage }) => stage));
const final = all.filter(({ stage }) => stage === lastStage);
const of = (keyword: string, list = all) => list.filter((i) => i.keyword === keyword);
const images = of('FROM').map(({ args }) => args.split(/\s+/)[0]!);

describe('Dockerfile', () => {
	test('DL3006/DL3007: every stage starts from an exact release, the same Node in each', () => {
		expect(images.length).toBeGreaterThan(0);
		for (const image of images) {
			expect(image).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+(@sha256:[0-9a-f]{64})?$/);
		}
		expect(new Set(images).size).toBe(1);
	});

	test('the Node release satisfies package.json engines', () => {
		const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines;
		const least = /^>=(\d+)\.(\d+)(?:\.(\d+))?$/.exec(engines.node);
		expect(least).not.toBeNull();
		const used = /^node:(\d+)\.(\d+)\.(\d+)/.exec(images[0]!)!.slice(1).map(Number);
		const needed = least!.slice(1).map((part) => Number(part ?? 0));
		const cmp = used.findIndex((part, i) => part !== needed[i]);
		expect(cmp === -1 || used[cmp]! > needed[cmp]!).toBe(true);
	});

	test('DL3025: CMD is in exec form, so node is PID 1 and receives SIGTERM', () => {
		const [cmd, ...more] = of('CMD', final);
		expect(more).toEqual([]);
		expect(JSON.parse(cmd!.args)).toEqual(['node', 'build/main.js']);
		expect(of('ENTRYPOINT')).toEqual([]);
	});

	test('DL3002: the image runs as an unprivileged user', () => {
		const users = of('USER', final);
		expect(users.at(-1)?.args).toMatch(/^(?!root\b|0\b)\S+$/);
		// USER comes after every RUN that needs root.
		expect(final.findLastIndex((i) => i.keyword === 'RUN')).toBeLessThan(
			final.findLastIndex((i) => i.keyword === 'USER')
		);
	});

	test('DL3000, DL3003, DL3004, DL3020, DL4000: absolute WORKDIR, no cd or sudo, COPY not ADD, no MAINTAINER', () => {
		for (const { args } of of('WORKDIR')) expect(args).toMatch(/^\//);
		for (const { args } of of('RUN')) {
			expect(args).not.toMatch(/(^|[;&|]\s*)cd\s/);
			expect(args).not.toMatch(/\bsudo\b/);
		}
		expect(of('ADD')).toEqual([]);
		expect(of('MAINTAINER')).toEqual([]);
	});

	test('the final stage has a health check, exposes its PORT, and creates the data volume before declaring it', () => {
		expect(of('HEALTHCHECK', final)).toHaveLength(1);
		const port = /\bPORT=(\d+)/.exec(
			of('ENV', final)
				.map(({ args }) => args)
				.join(' ')
		)?.[1];
		expect(of('EXPOSE', final).map(({ args }) => args)).toEqual([port]);
		const volume = final.findIndex((i) => i.keyword === 'VOLUME');
		const created = final.findIndex((i) => i.keyword === 'RUN' && /mkdir -p \/data\b/.test(i.args));
		expect(created).toBeGreaterThanOrEqual(0);
		expect(created).toBeLessThan(volume);
	});

	test('the build context leaves out installs, secrets, data and the TLS key', () => {
		const ignored = read('.dockerignore')
			.split('\n')
			.map((line) => line.trim());
		for (const path of ['**/node_modules', '.env', 'data', '.git', 'deploy/tls']) {
			expect(ignored).toContain(path);
		}
	});
});
