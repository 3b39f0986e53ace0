import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { findOldNode, freshShellEnv, run } from '../support/fresh-clone';

/**
 * The install step (scripts/ensure-node.js) on a machine whose Node is too old and that cannot
 * fetch Node 24 (offline, or the registry down): the install must still succeed, with one plain
 * sentence and no npm error dump or stack trace (docs/operations.md: Node). It runs on a copy of
 * the scripts, so this checkout's node_modules/.bin is never touched.
 */
const oldNode = findOldNode();
const project = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'practice-room-ensure-node-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test.skipIf(!oldNode)(
	`offline on ${oldNode?.version ?? 'an old Node'}: the install goes on with one plain sentence`,
	async () => {
		const copy = join(scratch, 'project');
		mkdirSync(join(copy, 'scripts'), { recursive: true });
		for (const file of ['ensure-node.js', 'node-runtime.js']) {
			copyFileSync(join(project, 'scripts', file), join(copy, 'scripts', file));
		}
		// An empty npm cache and --offline: npm cannot fetch, at once and without any network.
		const env = freshShellEnv(oldNode!.path, {
			PRACTICE_ROOM_NODE_HOME: join(scratch, 'node-home'),
			npm_config_cache: join(scratch, 'npm-cache'),
			npm_config_offline: 'true'
		});

		const result = await run(oldNode!.path, ['scripts/ensure-node.js'], { cwd: copy, env });

		expect(result.code, result.output).toBe(0);
		const lines = result.output.trim().split('\n');
		expect(lines, result.output).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^Practice Room needs Node 22\.13\.0 or newer and this is Node v\d+\.\d+\.\d+; fetching Node 24 through npm failed \(.+\)/
		);
		expect(result.output).not.toMatch(/npm error|^\s+at /m);
		expect(existsSync(join(copy, 'node_modules', '.bin', 'node'))).toBe(false);
	}
);
