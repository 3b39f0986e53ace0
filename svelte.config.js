import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// The service worker only shows turn notifications: registered when someone turns them on
		// (src/lib/client/push-opt-in.svelte.ts), not for every visitor.
		serviceWorker: { register: false },
		// Pages load only from their own origin: no third-party request is possible. SvelteKit adds
		// a nonce for its inline start-up script. Documented in docs/security.md.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer (#svelte-announcer) carries one fixed style attribute
				// (sveltejs/kit#11993); this hash allows that exact attribute and no other.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self'],
				'font-src': ['self'],
				// Voice clips: the room's own (/api/rooms/…/clips/…) and a take not yet sent (blob:).
				'media-src': ['self', 'blob:'],
				// Also the room's WebSockets (Yjs, socket.io): 'self' matches ws: and wss: on this host.
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
