import { expect } from 'vitest';
import { readRepoFile as read } from './compose-file';

/**
 * Reading the Compose deployment's files as Docker and nginx would, for
 * tests/integration/compose.test.ts: durations, volume mounts, and the nginx config a
 * container sees (includes resolved through its mounts), split into `{ … }` blocks. Each
 * helper fails the calling test when the file is not as the deployment needs it.
 */

/** A command or health check test as its words, whether written as a string or a list. */
export const words = (value: string | string[] | undefined) =>
	Array.isArray(value) ? value : (value ?? '').split(/\s+/);

/** Seconds in a Compose duration such as `30s` or `1m30s`. */
export function seconds(duration: string): number {
	const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
	const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
	expect(parts.map(([part]) => part).join('')).toBe(duration);
	return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (units[unit!] ?? 0), 0);
}

/**
 * A volume's host path and container path (`host:container[:mode]`); the host path may be a
 * variable with a default, `${NAME:-./path}`, whose colon is not a separator.
 */
export const mountOf = (volume: string) => {
	const [, host = '', container = '', mode] =
		/^(\$\{[^}]*\}|[^:]*):([^:]+)(?::(\w+))?$/.exec(volume) ?? [];
	return { host, container, mode };
};

/**
 * nginx's config as nginx reads it inside the container: comments dropped, each `include`
 * replaced by the file the service's volumes put at that path (relative paths are under
 * /etc/nginx/), so a file that is not mounted fails the test.
 */
export function nginxConfig(volumes: readonly string[]): string {
	const mounts = volumes.map(mountOf);
	const hostPath = (path: string) => {
		const inContainer = path.startsWith('/') ? path : `/etc/nginx/${path}`;
		const mount = mounts.find(
			({ container }) => inContainer === container || inContainer.startsWith(`${container}/`)
		);
		expect(mount, `a volume mounts ${inContainer}`).toBeDefined();
		return `${mount!.host}${inContainer.slice(mount!.container.length)}`;
	};
	const expand = (path: string): string =>
		read(hostPath(path))
			.replace(/#[^\n]*/g, '')
			.replace(/\binclude\s+([^;\s]+);/g, (_, included: string) => expand(included));
	return expand('/etc/nginx/nginx.conf');
}

/** Volumes after an override file's, merged as Compose does: by container path. */
export function mergedVolumes(base: readonly string[], override: readonly string[]): string[] {
	const replaced = new Set(override.map((volume) => mountOf(volume).container));
	return [...base.filter((volume) => !replaced.has(mountOf(volume).container)), ...override];
}

/** The text inside `{ … }` after each match of `head`, nested blocks included. */
export function blocks(text: string, head: RegExp): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(new RegExp(`${head.source}\\s*\\{`, 'g'))) {
		const start = match.index + match[0].length;
		let depth = 1;
		let end = start;
		while (depth > 0) {
			if (end >= text.length) throw new Error(`nginx block ${head.source} is not closed`);
			if (text[end] === '{') depth++;
			if (text[end] === '}') depth--;
			end++;
		}
		found.push(text.slice(start, end - 1));
	}
	return found;
}

/** The text inside `{ … }` after the first match of `head`, nested blocks included. */
export function block(text: string, head: RegExp): string {
	const [first] = blocks(text, head);
	expect(first, `nginx block ${head.source}`).toBeDefined();
	return first!;
}

/** The directives of a block itself, without those of the blocks nested in it. */
export const ownDirectives = (text: string) => text.replace(/\{[^{}]*\}/g, ';');
