import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveBenchControl } from './child';

/** The reference y-websocket server, as its own bin script sets it up. */
const http = createServer((_req, res) => res.writeHead(200).end('ok'));
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) =>
	(setupWSConnection as (ws: unknown, req: unknown) => void)(ws, req)
);
http.on('upgrade', (req, socket, head) =>
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
);
http.listen(0, '127.0.0.1', () => {
	serveBenchControl((http.address() as AddressInfo).port, async () => {
		http.close();
	});
});
