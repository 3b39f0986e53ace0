import {
	pairingViewSchema,
	savedCardReplySchema,
	startRoomReplySchema,
	type Cadence,
	type PairingCard,
	type PairingFit
} from '../../protocol/pairing';
import { call } from '../team-api';

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/pairing`;

/** The space's pairing as everyone sees it (a round the cadence calls for is made first). */
export const fetchPairing = (teamId: string) => call(base(teamId), pairingViewSchema);

/** Saves this browser's card with its private list; answers the card's public id. */
export const saveCard = (teamId: string, memberKey: string, card: PairingCard, avoid: string[]) =>
	call(`${base(teamId)}/card`, savedCardReplySchema, { memberKey, card, avoid });

export const deleteCard = (teamId: string, memberKey: string) =>
	call(`${base(teamId)}/card/delete`, pairingViewSchema, { memberKey });

export const makePairs = (teamId: string) => call(`${base(teamId)}/make`, pairingViewSchema, {});

export const setCadence = (teamId: string, cadence: Cadence) =>
	call(`${base(teamId)}/cadence`, pairingViewSchema, { cadence });

export const answerFit = (teamId: string, memberKey: string, fit: PairingFit) =>
	call(`${base(teamId)}/fit`, pairingViewSchema, { memberKey, fit });

export const startPairRoom = (teamId: string, memberKey: string) =>
	call(`${base(teamId)}/room`, startRoomReplySchema, { memberKey });
