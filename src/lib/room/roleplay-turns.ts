import type { ClipRef } from '../protocol/clips';
import type { ControlState } from '../protocol/control';
import type { ScriptLine, ScriptTake } from '../protocol/room-content';
import { isObserverRole, type RotationPlan } from './rotation';
import { currentTakeId, takeScript, type ScriptEntry } from './script';
import type { TurnToolPlan } from './turn-tools';

type TurnControl = Pick<ControlState, 'async'>;

/**
 * Whether `roleId` says their lines by voice in the script of `phase` (protocol A24): in a room
 * across time zones, on a phase with the script tool run as that role's turn, for the people
 * who play the conversation (not an observer, who watches and takes notes). On turns and while
 * the room plays live for a while, so a take not sent yet stays on screen.
 */
export function saysLinesByVoice(
	plan: TurnToolPlan & RotationPlan,
	control: TurnControl,
	phase: TurnToolPlan['phases'][number],
	roleId: string | undefined
): boolean {
	return (
		control.async != null &&
		phase.tool === 'script' &&
		roleId !== undefined &&
		(phase.turnBy?.includes(roleId) ?? false) &&
		!isObserverRole(plan, roleId)
	);
}

/**
 * Whether the phase at `phaseIndex` replays the role-play (protocol A25): across time zones,
 * the one phase right after the script's (not another script) shows the conversation as its
 * newest take has it, voice and written lines, on everyone's screen whoever's turn it is, so the
 * observer too can play it back. Earlier takes are not replayed: the newest is how it ended.
 */
export function replaysRolePlay(
	plan: TurnToolPlan,
	control: TurnControl,
	phaseIndex: number
): boolean {
	return (
		control.async != null &&
		plan.phases[phaseIndex - 1]?.tool === 'script' &&
		plan.phases[phaseIndex]?.tool !== 'script'
	);
}

/** The conversation a later turn replays (A25): the newest take's whole script. */
export const conversationToReplay = (script: {
	takes: readonly ScriptTake[];
	lines: readonly ScriptLine[];
}): ScriptEntry[] => takeScript(script.takes, script.lines, currentTakeId(script.takes));

/**
 * The clips of a round's lines said by voice, in script order, as the summary lists clips
 * (protocol A26: whose and how long, never the audio).
 */
export function spokenClips(
	lines: readonly Pick<ScriptLine, 'voice'>[]
): { purpose: 'roleplay'; clip: ClipRef }[] {
	return lines.flatMap(({ voice }) =>
		voice ? [{ purpose: 'roleplay' as const, clip: voice }] : []
	);
}
