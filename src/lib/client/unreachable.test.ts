import { expect, test } from 'vitest';
import { m } from '../paraglide/messages';
import { refusalWords } from './refusal-words';
import { UNREACHABLE, wordsFor } from './unreachable';

test('an unreachable server is told as such, not as the server’s internal error its code names', () => {
	expect(wordsFor(UNREACHABLE)).toBe(m.room_unreachable());
	expect(wordsFor({ ...UNREACHABLE })).toBe(refusalWords(UNREACHABLE));
	expect(wordsFor(UNREACHABLE)).not.toBe(refusalWords(UNREACHABLE));
});
