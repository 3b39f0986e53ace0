import { z } from 'zod';
import {
	circleReplySchema,
	circleViewSchema,
	type CircleReply,
	type CircleView
} from '../protocol/circle';
import { playbookSummarySchema, type PlaybookSummary } from '../protocol/playbook';
import { call, type TeamAnswer } from './team-api';

/** What a member sends to the circle, without their key (the page adds it). */
export type CircleAddition =
	| { type: 'highlight'; text: string; author: string | null }
	| { type: 'nomination'; nominee: string; text: string; author: string | null }
	| { type: 'challenge'; text: string; author: string | null }
	| { type: 'shelf'; playbookId: string; author: string }
	| { type: 'tried' };

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/circle`;

/** The team's circle now. */
export const fetchCircle = (teamId: string): Promise<TeamAnswer<CircleView>> =>
	call(base(teamId), circleViewSchema);

/** Adds to the circle; answers the new item's id (for deleting it later) and the new view. */
export const addToCircle = (
	teamId: string,
	memberKey: string,
	addition: CircleAddition
): Promise<TeamAnswer<CircleReply>> =>
	call(base(teamId), circleReplySchema, { ...addition, memberKey });

/** Deletes this browser's own post. */
export const deleteFromCircle = (
	teamId: string,
	memberKey: string,
	itemId: string
): Promise<TeamAnswer<CircleView>> =>
	call(`${base(teamId)}/delete`, circleViewSchema, { memberKey, itemId });

/** The library, for the shelf's choice of playbook. */
export const fetchLibrary = (): Promise<TeamAnswer<PlaybookSummary[]>> =>
	call('/api/playbooks', z.array(playbookSummarySchema));
