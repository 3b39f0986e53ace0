import type { PlaybookTranslation } from '../../protocol/playbook-translation';
import { activeListeningSprintDe } from './de/active-listening-sprint';
import { coachingSessionDe } from './de/coaching-session';
import { feedbackThatLandsDe } from './de/feedback-that-lands';
import { fiveMinuteWinDe } from './de/five-minute-win';
import { gratitudeCircleDe } from './de/gratitude-circle';
import { listeningCircleDe } from './de/listening-circle';
import { rolePlayWithRealityDe } from './de/role-play-with-reality';
import { safetyOpenerDe } from './de/safety-opener';
import { swapAndSolveDe } from './de/swap-and-solve';
import { activeListeningSprintEs } from './es/active-listening-sprint';
import { coachingSessionEs } from './es/coaching-session';
import { feedbackThatLandsEs } from './es/feedback-that-lands';
import { fiveMinuteWinEs } from './es/five-minute-win';
import { gratitudeCircleEs } from './es/gratitude-circle';
import { listeningCircleEs } from './es/listening-circle';
import { rolePlayWithRealityEs } from './es/role-play-with-reality';
import { safetyOpenerEs } from './es/safety-opener';
import { swapAndSolveEs } from './es/swap-and-solve';

/** The built-in playbooks in German and Spanish, by playbook id. */
export const builtInTranslations: Readonly<Record<string, Record<string, PlaybookTranslation>>> = {
	'active-listening-sprint': { de: activeListeningSprintDe, es: activeListeningSprintEs },
	'feedback-that-lands': { de: feedbackThatLandsDe, es: feedbackThatLandsEs },
	'role-play-with-reality': { de: rolePlayWithRealityDe, es: rolePlayWithRealityEs },
	'listening-circle': { de: listeningCircleDe, es: listeningCircleEs },
	'coaching-session': { de: coachingSessionDe, es: coachingSessionEs },
	'safety-opener': { de: safetyOpenerDe, es: safetyOpenerEs },
	'five-minute-win': { de: fiveMinuteWinDe, es: fiveMinuteWinEs },
	'gratitude-circle': { de: gratitudeCircleDe, es: gratitudeCircleEs },
	'swap-and-solve': { de: swapAndSolveDe, es: swapAndSolveEs }
};
