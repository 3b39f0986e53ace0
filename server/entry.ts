import { runsProject, tooOldMessage } from '../scripts/node-runtime.js';

/**
 * Production entry point (build/main.js). Checks the Node version before anything imports
 * `node:sqlite`, so an old Node gets a sentence instead of a stack trace, and switches source
 * maps on before the server's code is loaded, so stack traces in the log name the TypeScript
 * and Svelte sources (source maps apply only to code loaded after this call).
 */
if (!runsProject(process.version)) {
	console.error(tooOldMessage(process.version));
	process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(new URL('./server.js', import.meta.url).href);
