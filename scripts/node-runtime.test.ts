import { expect, test } from 'vitest';
import {
	fetchFailedMessage,
	isAtLeast,
	MINIMUM_NODE,
	npmFailureReason,
	parseVersion,
	runsProject,
	tooOldMessage
} from './node-runtime.js';

test('reads a version with or without its leading v', () => {
	expect(parseVersion('v20.20.2')).toEqual([20, 20, 2]);
	expect(parseVersion('22.13.0')).toEqual([22, 13, 0]);
	expect(parseVersion('24')).toEqual([24, 0, 0]);
});

test('the minimum is 22.13: the first Node with node:sqlite unflagged', () => {
	expect(MINIMUM_NODE).toBe('22.13.0');
	expect(isAtLeast('v22.13.0')).toBe(true);
	expect(isAtLeast('v22.12.0')).toBe(false);
	expect(isAtLeast('v20.20.2')).toBe(false);
	expect(isAtLeast('v23.0.0')).toBe(true);
	expect(isAtLeast('v24.21.0')).toBe(true);
});

test('compares part by part, not as text', () => {
	expect(isAtLeast('v22.9.0', '22.13.0')).toBe(false);
	expect(isAtLeast('v100.0.0', '22.13.0')).toBe(true);
	expect(isAtLeast('v22.13.1', '22.13.2')).toBe(false);
});

test('the too-old message is one sentence naming the version and the way out', () => {
	const message = tooOldMessage('v20.20.2');
	expect(message).toContain('v20.20.2');
	expect(message).toContain('22.13.0');
	expect(message).toContain('npm install');
	expect(message).not.toContain('\n');
});

test("a failed npm install is named by npm's error code, else by its first line", () => {
	const dump =
		'npm error code ENOTCACHED\nnpm error request to https://registry.npmjs.org/node failed\n' +
		'npm error     at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/x.js:1:1)\n';
	expect(npmFailureReason(dump)).toBe('ENOTCACHED');
	expect(npmFailureReason('npm ERR! code E404\n')).toBe('E404');
	expect(npmFailureReason('\nspawnSync npm ENOENT\n')).toBe('spawnSync npm ENOENT');
	expect(npmFailureReason('')).toBe('no output');
});

test('the sentence when Node cannot be fetched is one line that says the install goes on', () => {
	const message = fetchFailedMessage('v20.20.2', 'ENOTCACHED');
	expect(message).not.toContain('\n');
	expect(message).toContain('this is Node v20.20.2');
	expect(message).toContain('failed (ENOTCACHED)');
	expect(message).toContain('run npm install again when online');
});

test('Node 23 runs the project from 23.4, its first release with node:sqlite unflagged', () => {
	expect(runsProject('v22.13.0')).toBe(true);
	expect(runsProject('v22.12.0')).toBe(false);
	expect(runsProject('v23.3.0')).toBe(false);
	expect(runsProject('v23.4.0')).toBe(true);
	expect(runsProject('v24.0.0')).toBe(true);
	expect(runsProject('v20.20.2')).toBe(false);
	expect(tooOldMessage('v23.3.0')).toMatch(
		/^Practice Room needs Node 22\.13\.0 or newer \(within Node 23: 23\.4\.0\), and this is Node v23\.3\.0\./
	);
	expect(tooOldMessage('v20.20.2')).toMatch(
		/^Practice Room needs Node 22\.13\.0 or newer, and this is Node v20\.20\.2\./
	);
});
