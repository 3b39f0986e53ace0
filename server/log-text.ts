import { z } from 'zod';

/**
 * LOG_FORMAT=text (what `npm start` uses): the JSON line a person at a terminal reads, as one
 * short sentence. Operators keep the JSON lines (the default), which carry every field.
 */

const LEVEL_NAMES: Record<number, string> = {
	10: 'trace',
	20: 'debug',
	30: 'info',
	40: 'warn',
	50: 'error',
	60: 'fatal'
};

/** The part of a line of ours (server/log.ts) the text form shows. */
const lineSchema = z.object({
	level: z.number(),
	area: z.string().optional(),
	msg: z.string().optional(),
	err: z
		.object({ type: z.string(), message: z.string().optional(), stack: z.string().optional() })
		.optional()
});

/**
 * One JSON log line as text: info lines as their message alone; others as `level [area]
 * message`, with an error's stack (or type and message) on the lines below. A line that is not
 * one of ours passes unchanged.
 */
export function textLine(jsonLine: string): string {
	let parsed: z.infer<typeof lineSchema>;
	try {
		const result = lineSchema.safeParse(JSON.parse(jsonLine));
		if (!result.success) return jsonLine;
		parsed = result.data;
	} catch {
		return jsonLine;
	}
	const { level, area, msg = '', err } = parsed;
	const name = LEVEL_NAMES[level] ?? String(level);
	const head = name === 'info' ? msg : `${name} [${area ?? 'server'}] ${msg}`;
	const detail =
		err === undefined
			? ''
			: `\n  ${(err.stack ?? `${err.type}: ${err.message ?? ''}`).replaceAll('\n', '\n  ')}`;
	return `${head}${detail}\n`;
}
