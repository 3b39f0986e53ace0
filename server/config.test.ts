import { expect, test } from 'vitest';
import { CLIP_BITS_PER_SECOND, MAX_CLIP_MS } from '../src/lib/protocol/clips';
import { loadConfig } from './config';

/** A weak mobile uplink (EDGE, or 3G at the edge of a cell): people send turns from phones. */
const WEAK_UPLINK_BITS_PER_SECOND = 48_000;

test('by default a full-length recorded clip gets through a weak mobile uplink before the request timeout', () => {
	const clipBits = (MAX_CLIP_MS / 1000) * CLIP_BITS_PER_SECOND;
	const uploadMs = (clipBits / WEAK_UPLINK_BITS_PER_SECOND) * 1000;
	expect(loadConfig({}).HTTP_REQUEST_TIMEOUT_MS).toBeGreaterThan(uploadMs);
});
