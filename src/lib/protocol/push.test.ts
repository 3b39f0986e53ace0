import { describe, expect, test } from 'vitest';
import { subscribePushRequestSchema, unsubscribePushRequestSchema } from './push';

const ticket = 'T'.repeat(43);
const subscription = {
	endpoint: 'https://push.example/send/1',
	keys: { p256dh: `B${'k'.repeat(86)}`, auth: 'a'.repeat(22) }
};
const subscribe = (sent: string) => ({
	participantId: 'ana-00001',
	ticket: sent,
	locale: 'en',
	subscription
});
const unsubscribe = (sent: string) => ({
	participantId: 'ana-00001',
	ticket: sent,
	endpoint: subscription.endpoint
});

describe('push requests', () => {
	test('[W1] [W3] carry a ticket shaped as a room secret, and nothing else passes for one', () => {
		expect(subscribePushRequestSchema.safeParse(subscribe(ticket)).success).toBe(true);
		expect(unsubscribePushRequestSchema.safeParse(unsubscribe(ticket)).success).toBe(true);
		for (const wrong of ['T'.repeat(21), 'T'.repeat(65), `${'T'.repeat(42)}+`, '']) {
			expect(subscribePushRequestSchema.safeParse(subscribe(wrong)).success).toBe(false);
			expect(unsubscribePushRequestSchema.safeParse(unsubscribe(wrong)).success).toBe(false);
		}
	});
});
