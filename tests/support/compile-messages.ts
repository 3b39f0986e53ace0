import { execFileSync } from 'node:child_process';

/**
 * vitest's globalSetup: the messages compiled once before any test imports them. In a child
 * process, because the compiler leaves handles open that would keep vitest from exiting (as the
 * Vite plugin's watcher does, which is why vite.config.ts leaves the plugin out under vitest).
 */
export function setup(): void {
	execFileSync(process.execPath, ['scripts/compile-messages.js'], { stdio: 'inherit' });
}
