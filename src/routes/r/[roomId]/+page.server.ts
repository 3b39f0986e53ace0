import { personLocale } from '$lib/playbooks/locale';
import { loadRoomPage } from '$lib/server/room-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => loadRoomPage(params.roomId, personLocale());
