import { describe, expect, test } from 'vitest';
import { rolePlayWithReality } from '../playbooks/built-in/role-play-with-reality';
import type { ClipRef } from '../protocol/clips';
import type { ControlState } from '../protocol/control';
import { playbookSchema, type Playbook } from '../protocol/playbook';
import { FIRST_TAKE, type ScriptLine } from '../protocol/room-content';
import { startTurns } from './async-schedule';
import { ana, ben, ok, playbook as sprint, T0 } from './async-schedule.fixture';
import { initialControlState } from './control';
import {
	conversationToReplay,
	replaysRolePlay,
	saysLinesByVoice,
	spokenClips
} from './roleplay-turns';

const rolePlay = playbookSchema.parse(rolePlayWithReality);
// Role-Play with Reality: 0 set the scene, 1 play (script), 2 harvest (notes), 3 two sentences.
const [SCENE, PLAY, HARVEST, SENTENCES] = [0, 1, 2, 3];

function onTurns(playbook: Playbook): ControlState {
	const live: ControlState = {
		...initialControlState(playbook),
		people: {
			[ana]: { name: 'Ana', roleId: playbook.roles[0]?.id ?? '' },
			[ben]: { name: 'Ben', roleId: playbook.roles[1]?.id ?? '' }
		},
		agreed: [ana, ben]
	};
	return ok(startTurns(live, playbook, {}, T0));
}
const live = initialControlState(rolePlay);
const phase = (index: number) => rolePlay.phases[index] ?? { id: 'gone' };

const voice = (participantId: string, durationMs: number, at: number): ClipRef => ({
	clipId: `${participantId.slice(0, 3)}${'A'.repeat(19)}`,
	participantId,
	phaseId: 'play',
	type: 'audio/webm',
	durationMs,
	at
});
const line = (id: string, takeId: string, extra: Partial<ScriptLine> = {}): ScriptLine => ({
	id,
	takeId,
	roleId: 'practitioner',
	text: '',
	starred: false,
	shift: '',
	...extra
});

describe('[A24] lines said by voice in the role-play across time zones', () => {
	test('the practitioner and the counterpart record their lines in the script on turns', () => {
		const control = onTurns(rolePlay);
		expect(saysLinesByVoice(rolePlay, control, phase(PLAY), 'practitioner')).toBe(true);
		expect(saysLinesByVoice(rolePlay, control, phase(PLAY), 'counterpart')).toBe(true);
	});

	test('the observer takes notes instead, and a person with no role records nothing', () => {
		const control = onTurns(rolePlay);
		const everyone = { ...phase(PLAY), turnBy: ['practitioner', 'counterpart', 'observer'] };
		expect(saysLinesByVoice(rolePlay, control, everyone, 'observer')).toBe(false);
		expect(saysLinesByVoice(rolePlay, control, phase(PLAY), undefined)).toBe(false);
	});

	test('a live room says its lines aloud, and phases without the script record no lines', () => {
		expect(saysLinesByVoice(rolePlay, live, phase(PLAY), 'practitioner')).toBe(false);
		const control = onTurns(rolePlay);
		expect(saysLinesByVoice(rolePlay, control, phase(SCENE), 'practitioner')).toBe(false);
		expect(saysLinesByVoice(rolePlay, control, phase(HARVEST), 'practitioner')).toBe(false);
	});

	test('a role the script phase does not run as a turn of records nothing', () => {
		const control = onTurns(rolePlay);
		const practitionerOnly = { ...phase(PLAY), turnBy: ['practitioner'] };
		expect(saysLinesByVoice(rolePlay, control, practitionerOnly, 'counterpart')).toBe(false);
	});
});

describe('[A25] the turn after the role-play replays it', () => {
	test('across time zones the harvest, right after the script, replays the conversation', () => {
		const control = onTurns(rolePlay);
		expect(replaysRolePlay(rolePlay, control, HARVEST)).toBe(true);
		expect([SCENE, PLAY, SENTENCES].map((at) => replaysRolePlay(rolePlay, control, at))).toEqual([
			false,
			false,
			false
		]);
	});

	test('a live room and a playbook without a script replay nothing', () => {
		expect(replaysRolePlay(rolePlay, live, HARVEST)).toBe(false);
		const control = onTurns(sprint);
		expect(sprint.phases.some((_, at) => replaysRolePlay(sprint, control, at))).toBe(false);
	});

	test('the replay is the newest take’s whole script, voice lines and written ones', () => {
		const lines = [
			line('opening', FIRST_TAKE, { voice: voice(ana, 4_000, T0) }),
			line('answer', FIRST_TAKE, { roleId: 'counterpart', text: 'Not now.' }),
			line('again', 'take-2', { voice: voice(ana, 5_000, T0 + 9) })
		];
		const takes = [{ id: 'take-2', parentId: FIRST_TAKE, keep: 1, createdAt: T0 + 5 }];
		expect(conversationToReplay({ takes, lines }).map((entry) => entry.line.id)).toEqual([
			'opening',
			'again'
		]);
		expect(conversationToReplay({ takes: [], lines }).map((entry) => entry.line.id)).toEqual([
			'opening',
			'answer'
		]);
	});
});

describe('[A26] the summary’s role-play clips', () => {
	test('every line said by voice in any take is a clip, written lines are not', () => {
		const lines = [
			line('opening', FIRST_TAKE, { voice: voice(ana, 4_000, T0) }),
			line('answer', FIRST_TAKE, { roleId: 'counterpart', text: 'Not now.' }),
			line('reply', 'take-2', { roleId: 'counterpart', voice: voice(ben, 2_000, T0 + 9) })
		];
		expect(spokenClips(lines)).toEqual([
			{ purpose: 'roleplay', clip: voice(ana, 4_000, T0) },
			{ purpose: 'roleplay', clip: voice(ben, 2_000, T0 + 9) }
		]);
	});
});
