import * as Y from 'yjs';
import { connectSynced, joinAs } from './clients';
import { InstanceProcess } from './instance-process';

/** What the multi-instance tests start, each stopped by the cleanups of the test that made it. */
export function instancesOn(
	redisUrl: () => string,
	cleanups: { push(cleanup: () => unknown): void },
	env: Record<string, string> = {}
) {
	return {
		/** An instance on the test's Redis (or as `own` says), killed after the test. */
		async instance(own: Record<string, string> = {}): Promise<InstanceProcess> {
			const started = await InstanceProcess.start({
				REDIS_URL: redisUrl(),
				ROOM_UNLOAD_GRACE_MS: '100',
				...env,
				...own
			});
			cleanups.push(() => started.stop('SIGKILL'));
			return started;
		},
		/** A stock provider synced to `roomId` on `server`, destroyed after the test. */
		async synced(server: InstanceProcess, roomId: string, doc?: Y.Doc) {
			const client = await connectSynced(server.url, roomId, doc);
			cleanups.push(() => client.provider.destroy());
			return client;
		},
		/** Someone joined to `roomId` through `server`, disconnected after the test. */
		async joined(
			server: InstanceProcess,
			roomId: string,
			name: string,
			options: Parameters<typeof joinAs>[3] = {}
		) {
			const person = await joinAs(server.url, roomId, name, options);
			cleanups.push(() => person.socket.disconnect());
			if (!person.reply.ok) throw new Error(person.reply.error.message);
			return person;
		}
	};
}
