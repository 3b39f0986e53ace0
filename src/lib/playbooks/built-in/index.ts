import type { PlaybookInput } from '../../protocol/playbook';
import { activeListeningSprint } from './active-listening-sprint';
import { coachingSession } from './coaching-session';
import { feedbackThatLands } from './feedback-that-lands';
import { fiveMinuteWin } from './five-minute-win';
import { gratitudeCircle } from './gratitude-circle';
import { listeningCircle } from './listening-circle';
import { rolePlayWithReality } from './role-play-with-reality';
import { safetyOpener } from './safety-opener';
import { swapAndSolve } from './swap-and-solve';

/**
 * The built-in collection as written, in English and in library order. Their translations are
 * apart (translations.ts), so a page that only names built-in playbooks does not load them.
 */
export const builtInSources: readonly PlaybookInput[] = [
	activeListeningSprint,
	feedbackThatLands,
	rolePlayWithReality,
	listeningCircle,
	coachingSession,
	safetyOpener,
	fiveMinuteWin,
	gratitudeCircle,
	swapAndSolve
];
