import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Tags } from 'yaml';

/** The repository's root folder, ending in `/`. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the repository as text. */
export const readRepoFile = (path: string) =>
	readFileSync(`${repoRoot}${path.replace(/^\.\//, '')}`, 'utf8');

/**
 * Compose's merge tags (`!override`, `!reset`: Compose file specification, "Merge"). They only
 * steer how an override file merges, so parsing reads the value under them as it is.
 */
const COMPOSE_TAGS: Tags = ['!override', '!reset'].flatMap((tag) => [
	{ tag, collection: 'seq' as const, resolve: <T>(value: T) => value },
	{ tag, collection: 'map' as const, resolve: <T>(value: T) => value },
	{ tag, resolve: (value: string) => value }
]);

/**
 * A Compose file as plain data, anchors and aliases resolved. Anything YAML only warns about
 * (an unknown tag, a duplicate key) is an error here: Compose would read such a file
 * differently or refuse it.
 */
export function readComposeFile(path: string): unknown {
	const document = parseDocument(readRepoFile(path), {
		customTags: COMPOSE_TAGS,
		uniqueKeys: true
	});
	const problems = [...document.errors, ...document.warnings];
	if (problems.length > 0) throw new Error(`${path}: ${problems.map(String).join('\n')}`);
	return document.toJS();
}
