import type { RedisPerUpdate } from './redis-figures';
import type { SoakResult } from './soak';
import type { MemoryTrend, Summary } from './stats';

export interface ScalingPoint {
	server: string;
	rooms: number;
	latency: Summary;
	/** Cursor-move-to-peer latency (awareness); absent from results before 2026-12-06. */
	presenceLatency?: Summary;
	/** The load generator's event-loop delay p99 (ms); absent from results before 2026-12-06. */
	generatorLoopDelayP99Ms?: number;
	dropped: number;
	duplicated: number;
	cpuPercent: number;
	/** Server CPU time per typed update, everything else the workload sends included. */
	cpuMicrosPerUpdate: number;
	rssMiB: number;
	eventLoopDelayP99Ms: number;
	/** With Redis: what the servers made Redis do per typed update. */
	redis?: RedisPerUpdate;
	/** p99 of each repeated run, when the point was run several times. */
	p99Runs?: number[];
	/** Server CPU per typed update of every run of the point, in the same order as p99Runs. */
	cpuMicrosPerUpdateRuns?: number[];
}

const round = (value: number, digits = 1) =>
	Number.isFinite(value) ? Number(value.toFixed(digits)) : NaN;

/** A plain-text table: one row per server and room count, with the ratio to a baseline server. */
export function scalingTable(points: ScalingPoint[], baseline: string): string {
	const header = [
		'server',
		'rooms',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'vs ' + baseline,
		'lost',
		'cpu %',
		'cpu µs/update',
		'rss MiB',
		'loop p99 ms',
		'cursor p99 ms',
		'generator loop p99 ms'
	];
	const rows = points.map((point) => {
		const base = points.find((p) => p.server === baseline && p.rooms === point.rooms);
		const ratio = base ? point.latency.p99 / base.latency.p99 : NaN;
		return [
			point.server,
			String(point.rooms),
			String(round(point.latency.p50)),
			String(round(point.latency.p95)),
			String(round(point.latency.p99)),
			Number.isFinite(ratio) ? `${round(ratio, 2)}×` : '–',
			String(point.dropped + point.duplicated),
			String(round(point.cpuPercent)),
			String(round(point.cpuMicrosPerUpdate)),
			String(round(point.rssMiB)),
			String(round(point.eventLoopDelayP99Ms)),
			String(round(point.presenceLatency?.p99 ?? NaN)),
			String(round(point.generatorLoopDelayP99Ms ?? NaN))
		];
	});
	return textTable(header, rows);
}

/** Columns padded to their widest cell, under a header and a rule. */
function textTable(header: string[], rows: string[][]): string {
	const widths = header.map((cell, i) =>
		Math.max(cell.length, ...rows.map((row) => row[i]!.length))
	);
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const byName = (counts: Record<string, number>) =>
	Object.entries(counts)
		.map(([name, count]) => `${name} ${round(count, 2)}`)
		.join(', ');

/**
 * Redis per typed update for the points that used Redis: the servers' round trips (commands
 * they sent), every command Redis ran (inside scripts too), bytes in and out of Redis, and
 * Redis's CPU time.
 */
export function redisTable(points: ScalingPoint[]): string {
	const header = [
		'server',
		'rooms',
		'sent',
		'ran',
		'bytes in',
		'bytes out',
		'redis cpu µs',
		'sent by command'
	];
	const rows = points.flatMap(({ server, rooms, redis }) =>
		redis
			? [
					[
						server,
						String(rooms),
						String(round(redis.sent, 2)),
						String(round(redis.commands, 2)),
						String(round(redis.bytesIn, 0)),
						String(round(redis.bytesOut, 0)),
						String(round(redis.cpuMicros, 0)),
						byName(redis.sentByName)
					]
				]
			: []
	);
	return textTable(header, rows);
}

/** The servers the two-instance targets compare (issue 7). */
export interface CrossInstanceNames {
	/** Ours, one instance. */
	single: string;
	/** Ours, two instances with Redis. */
	ours: string;
	/** Hocuspocus, two instances with its Redis extension. */
	theirs: string;
}

/** At most this many times our single-instance p99. */
export const MAX_TIMES_SINGLE = 3;
/** At least this many times lower than Hocuspocus across instances. */
export const MIN_TIMES_BETTER = 3;

/**
 * Per room count: our two-instance p99 against our one-instance p99 (target ≤ 3×) and against
 * Hocuspocus's two instances (target: theirs ≥ 3× ours).
 */
export function crossInstanceTable(points: ScalingPoint[], names: CrossInstanceNames): string {
	const p99 = (server: string, rooms: number) =>
		points.find((p) => p.server === server && p.rooms === rooms)?.latency.p99 ?? NaN;
	const roomCounts = [
		...new Set(points.filter((p) => p.server === names.ours).map((p) => p.rooms))
	];
	const verdict = (ok: boolean, ratio: number) =>
		Number.isFinite(ratio) ? `${round(ratio, 2)}× ${ok ? 'met' : 'NOT met'}` : '–';
	const rows = roomCounts.map((rooms) => {
		const [single, ours, theirs] = [
			p99(names.single, rooms),
			p99(names.ours, rooms),
			p99(names.theirs, rooms)
		];
		const vsSingle = ours / single;
		const theirsVsOurs = theirs / ours;
		return [
			String(rooms),
			String(round(single)),
			String(round(ours)),
			String(round(theirs)),
			verdict(vsSingle <= MAX_TIMES_SINGLE, vsSingle),
			verdict(theirsVsOurs >= MIN_TIMES_BETTER, theirsVsOurs)
		];
	});
	return textTable(
		[
			'rooms',
			`${names.single} p99`,
			`${names.ours} p99`,
			`${names.theirs} p99`,
			`×2 / ×1 (≤ ${MAX_TIMES_SINGLE}×)`,
			`theirs / ours (≥ ${MIN_TIMES_BETTER}×)`
		],
		rows
	);
}

const COLOURS = ['#2f6f5e', '#b86e12', '#3b5bdb', '#a23b2a', '#6b4fa0', '#555555'];

/** An SVG line chart of p99 latency against rooms, one line (and marker shape) per server. */
export function latencyChart(points: ScalingPoint[]): string {
	const servers = [...new Set(points.map((p) => p.server))];
	const width = 760;
	const height = 420;
	const left = 70;
	const bottom = 60;
	const top = 30;
	const right = 220;
	const maxRooms = Math.max(...points.map((p) => p.rooms));
	const maxLatency = Math.max(
		1,
		...points.map((p) => (Number.isFinite(p.latency.p99) ? p.latency.p99 : 0))
	);
	const x = (rooms: number) => left + (rooms / maxRooms) * (width - left - right);
	const y = (ms: number) => height - bottom - (ms / maxLatency) * (height - top - bottom);
	const lines = servers.map((server, index) => {
		const colour = COLOURS[index % COLOURS.length]!;
		const series = points.filter((p) => p.server === server).sort((a, b) => a.rooms - b.rooms);
		const path = series
			.map(
				(p, i) => `${i === 0 ? 'M' : 'L'}${x(p.rooms).toFixed(1)},${y(p.latency.p99).toFixed(1)}`
			)
			.join(' ');
		const dash = index % 2 === 1 ? ' stroke-dasharray="6 4"' : '';
		const markers = series
			.map(
				(p) =>
					`<circle cx="${x(p.rooms).toFixed(1)}" cy="${y(p.latency.p99).toFixed(1)}" r="${3 + (index % 3)}" fill="${colour}"><title>${server}: ${p.rooms} rooms, p99 ${round(p.latency.p99)} ms</title></circle>`
			)
			.join('');
		const legendY = top + 20 * index;
		return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>${markers}<text x="${width - right + 20}" y="${legendY + 4}" font-size="13" fill="${colour}">${server}</text><line x1="${width - right + 2}" x2="${width - right + 16}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash}/>`;
	});
	const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
		const ms = maxLatency * f;
		return `<text x="${left - 8}" y="${y(ms) + 4}" font-size="12" text-anchor="end">${round(ms)}</text><line x1="${left}" x2="${width - right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/>`;
	});
	const roomTicks = [...new Set(points.map((p) => p.rooms))].map(
		(rooms) =>
			`<text x="${x(rooms)}" y="${height - bottom + 18}" font-size="12" text-anchor="middle">${rooms}</text>`
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="p99 update-to-peer latency against rooms">
<rect width="100%" height="100%" fill="#fff"/>
${ticks.join('\n')}
${roomTicks.join('\n')}
<text x="${(left + width - right) / 2}" y="${height - 15}" font-size="13" text-anchor="middle">rooms (2 people + 1 projector each)</text>
<text x="18" y="${(top + height - bottom) / 2}" font-size="13" text-anchor="middle" transform="rotate(-90 18 ${(top + height - bottom) / 2})">p99 latency (ms)</text>
${lines.join('\n')}
</svg>
`;
}

const trendLine = (what: string, trend: MemoryTrend) =>
	`${what} slope over the second half: ${round(trend.slopeKiBPerMin)} KiB/min, ${round(trend.percentPer10Min, 2)} % of its mean (${round(trend.meanKiB / 1024)} MiB) per 10 min, ${trend.samples} samples: ${trend.levelledOff ? 'levels off' : 'does NOT level off'}`;

/** The soak's figures in a few plain lines. */
export function soakReport(result: SoakResult): string {
	return [
		`Soak: ${result.rooms} rooms of pairs for ${round(result.durationMs / 60_000)} min, ${result.sessions} sessions of up to ${round(result.sessionMs / 60_000)} min`,
		trendLine('RSS', result.rss),
		trendLine('Heap', result.heap),
		`RSS at the start ${round(result.rssStartMiB)} MiB, at the end ${round(result.rssEndMiB)} MiB`,
		`Event-loop delay p99 per ${round(result.sampleEveryMs / 1000)} s: median ${round(result.eventLoopDelayP99Ms.median)} ms, max ${round(result.eventLoopDelayP99Ms.max)} ms`,
		`Update to peer: p50 ${round(result.latency.p50)} ms, p99 ${round(result.latency.p99)} ms, max ${round(result.latency.max)} ms over ${result.latency.count} deliveries`,
		`${result.updatesSent} updates sent, ${result.dropped} dropped, ${result.duplicated} duplicated; ${result.failedRoomStarts} rooms not started, ${result.failedJoins} failed joins, ${result.failedPresence} sessions without presence; ${result.controlChanges} timer changes (${result.refusedControlChanges} refused or unanswered); ${result.missedSamples} missed samples`
	].join('\n');
}
