import { error } from '@sveltejs/kit';
import { findPlaybook } from '$lib/playbooks/library';
import { roomIdSchema } from '$lib/protocol/ids';
import { roomDirectory } from '$lib/server/room-directory';
import type { PageServerLoad } from './$types';

const NOT_FOUND = 'This room does not exist or has ended.';

export const load: PageServerLoad = async ({ params }) => {
	const roomId = roomIdSchema.safeParse(params.roomId);
	if (!roomId.success) error(404, NOT_FOUND);
	const room = await roomDirectory().getRoom(roomId.data);
	const playbook = room && findPlaybook(room.playbookId);
	if (!room || !playbook) error(404, NOT_FOUND);
	return { roomId: room.id, playbook };
};
