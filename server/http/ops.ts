import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from './request-path';
import type { Metrics } from '../metrics';
import type { Readiness } from '../readiness';
import { answerFailure } from './answer-failure';
import { HttpProblem, sendJson } from './json';

export interface OpsDeps {
	readiness(): Promise<Readiness>;
	metrics: Metrics;
}

/**
 * The endpoints for whoever runs the server (docs/operations.md): `/readyz`, whether storage
 * answers, and `/metrics` for Prometheus. `/healthz`, alive, is in the API. Answers whether it
 * handled the request.
 */
export function createOpsRoutes(deps: OpsDeps) {
	const routes = new Map<string, (res: ServerResponse) => Promise<void>>([
		[
			'/readyz',
			async (res) => {
				const { ready, checks } = await deps.readiness();
				sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
			}
		],
		[
			'/metrics',
			async (res) => {
				const text = await deps.metrics.scrape();
				res.writeHead(200, {
					'content-type': deps.metrics.registry.contentType,
					'cache-control': 'no-store'
				});
				res.end(text);
			}
		]
	]);

	return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const path = requestUrl(req)?.pathname;
		const route = path === undefined ? undefined : routes.get(path);
		if (!route) return false;
		if (req.method !== 'GET') {
			res.setHeader('allow', 'GET');
			answerFailure(
				req,
				res,
				new HttpProblem(405, 'Use GET here.', { code: 'method_not_allowed' }),
				deps.metrics
			);
			return true;
		}
		await route(res);
		return true;
	};
}
