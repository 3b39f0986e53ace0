import { z } from 'zod';
import { readStored, writeStored } from '../../client/identity';
import { cardIdSchema, pairingCardSchema } from '../../protocol/pairing';

/**
 * What this browser keeps of its own pairing card in a space: the card, its private list (the
 * server never answers it back, so only this browser can show it again) and the card's id.
 */
const myCardSchema = z.object({
	cardId: cardIdSchema,
	card: pairingCardSchema,
	avoid: z.array(cardIdSchema)
});
export type MyCard = z.infer<typeof myCardSchema>;

const key = (teamId: string) => `practice-room:pairing:${teamId}`;

export function myCard(teamId: string): MyCard | undefined {
	try {
		const parsed = myCardSchema.safeParse(JSON.parse(readStored(key(teamId)) ?? 'null'));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

export function rememberMyCard(teamId: string, card: MyCard | undefined): void {
	writeStored(key(teamId), card ? JSON.stringify(card) : 'null');
}
