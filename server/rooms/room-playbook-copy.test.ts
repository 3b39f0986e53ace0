import { describe, expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { initialSealedUpdate } from './sealed-values';
import { playbookCopyOf, playbookCopyUpdate } from './room-playbook-copy';

const builtIn = findBuiltInPlaybook('five-minute-win')!;
const community = { ...builtIn, id: 'shared-then-withdrawn-abc123', title: 'Shared' };
const stored = (...updates: (Uint8Array | undefined)[]) => ({
	updates: updates.filter((update) => update !== undefined),
	cursor: undefined
});

describe('the copy of its playbook a room keeps', () => {
	test('a community playbook is read back whole from the sealed document beside its secrets', () => {
		const sealed = stored(initialSealedUpdate('host-key'), playbookCopyUpdate(community));
		expect(playbookCopyOf(sealed)).toEqual(community);
		// Its translations too: each person in the room keeps reading it in their language.
		expect(playbookCopyOf(sealed)?.translations?.es?.title).toBe('Victoria en cinco minutos');
	});

	test('a built-in playbook is not copied, and a room started before copies has none', () => {
		expect(playbookCopyUpdate(builtIn)).toBeUndefined();
		expect(playbookCopyOf(stored(initialSealedUpdate('host-key')))).toBeUndefined();
		expect(playbookCopyOf(stored())).toBeUndefined();
	});
});
