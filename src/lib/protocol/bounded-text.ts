import { z } from 'zod';
import { m } from '../paraglide/messages';
import { atMostCharacters, says } from './problem-words';

// zod's classic API, for the team and circle schemas, which no room or home page loads.

/** Free text of at most `max` characters that must say something, trimmed. */
export const boundedText = (max: number) =>
	z.string().trim().min(1, says(m.pages_problem_not_empty)).max(max, atMostCharacters(max));
