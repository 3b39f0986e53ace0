import { expect, test } from 'vitest';
import { PARAPHRASE_PARTS } from '../protocol/room-content';
import { perPart } from './per-part';

test('gives every part the value made for it, under the part’s name', () => {
	expect(perPart(PARAPHRASE_PARTS, (part) => part.toUpperCase())).toEqual({
		feelings: 'FEELINGS',
		motives: 'MOTIVES',
		needs: 'NEEDS'
	});
	expect(perPart([], () => 1)).toEqual({});
});
