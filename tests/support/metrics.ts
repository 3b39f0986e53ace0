import { expect } from 'vitest';

/** One line of the Prometheus text format: a sample, or a # HELP / # TYPE comment. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*",?)*\})? \S+$/;
const COMMENT = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/;

/** Scrapes /metrics and answers its samples by name and labels, as written. */
export async function scrape(url: string): Promise<Map<string, number>> {
	const response = await fetch(`${url}/metrics`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
	const lines = (await response.text()).split('\n').filter((line) => line !== '');
	const malformed = lines.filter((line) => !SAMPLE.test(line) && !COMMENT.test(line));
	expect(malformed).toEqual([]);
	return new Map(
		lines
			.filter((line) => !line.startsWith('#'))
			.map((line) => {
				const at = line.lastIndexOf(' ');
				return [line.slice(0, at), Number(line.slice(at + 1))];
			})
	);
}

/** One sample's value, e.g. `practice_room_errors_total{kind="http"}`; undefined when absent. */
export const sampleOf = async (url: string, name: string) => (await scrape(url)).get(name);
