import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readComposeFile, readRepoFile } from '../support/compose-file';

/**
 * The Compose files checked against the Compose specification's own JSON schema, the one
 * Docker Compose validates with (vendored in tests/support/compose-spec/, source and licence
 * there). No Docker engine runs where the tests do, so this is how a misspelt key or a value of
 * the wrong type is caught before an operator's `docker compose up` refuses the file.
 * docs/operations.md, "What the tests check without Docker".
 */

const schema: unknown = JSON.parse(readRepoFile('tests/support/compose-spec/compose-spec.json'));
// zod turns the JSON schema (draft 2020-12) into a validator: the project's one validation
// library, which supports every keyword this schema uses ($ref, oneOf, patternProperties…).
const composeSpec = z.fromJSONSchema(z.looseObject({}).parse(schema));

/** The schema's problems with a Compose file, as `path: message` lines; none when valid. */
function problemsWith(compose: unknown): string[] {
	const result = composeSpec.safeParse(compose);
	return result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the Compose files follow the Compose specification', () => {
	test.each(['docker-compose.yml', 'docker-compose.tls.yml'])('%s is valid', (path) => {
		expect(problemsWith(readComposeFile(path))).toEqual([]);
	});

	// The check must be able to fail: each of these is a mistake Compose itself refuses.
	const base = () => structuredClone(readComposeFile('docker-compose.yml')) as ComposeData;
	type ComposeData = { services: Record<string, Record<string, unknown>> } & Record<
		string,
		unknown
	>;
	test.each<[string, (compose: ComposeData) => void]>([
		['a misspelt service key', (c) => (c.services.app!.restrat = 'always')],
		['a number where a duration goes', (c) => (c.services.app!.stop_grace_period = 30)],
		['a top-level key that is not an extension', (c) => (c.logging = {})],
		['a port that is an object of unknown shape', (c) => (c.services.nginx!.ports = [{ p: 1 }])],
		[
			'a logging option that is not a string or number',
			(c) => (c.services.redis!.logging = { driver: 'json-file', options: { 'max-size': [] } })
		]
	])('refuses %s', (_mistake, spoil) => {
		const compose = base();
		spoil(compose);
		expect(problemsWith(compose)).not.toEqual([]);
	});
});
