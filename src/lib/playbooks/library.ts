import { playbookSchema, type Playbook } from '../protocol/playbook';
import { activeListeningSprint } from './built-in/active-listening-sprint';
import { coachingSession } from './built-in/coaching-session';
import { feedbackThatLands } from './built-in/feedback-that-lands';
import { fiveMinuteWin } from './built-in/five-minute-win';
import { gratitudeCircle } from './built-in/gratitude-circle';
import { listeningCircle } from './built-in/listening-circle';
import { rolePlayWithReality } from './built-in/role-play-with-reality';
import { safetyOpener } from './built-in/safety-opener';
import { swapAndSolve } from './built-in/swap-and-solve';

/** The built-in collection, parsed once so that a broken one fails at start-up, not in a room. */
export const builtInPlaybooks: readonly Playbook[] = [
	activeListeningSprint,
	feedbackThatLands,
	rolePlayWithReality,
	listeningCircle,
	coachingSession,
	safetyOpener,
	fiveMinuteWin,
	gratitudeCircle,
	swapAndSolve
].map((playbook) => playbookSchema.parse(playbook));

export function findBuiltInPlaybook(id: string): Playbook | undefined {
	return builtInPlaybooks.find((playbook) => playbook.id === id);
}
