// A server instance without pages as its own process, configured by its environment, for the
// multi-instance tests (tests/support/instance-process.ts bundles and starts it).
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { routeConsole } from '../../server/log';
import { stopOnSignals } from '../../server/shutdown';

routeConsole();
const server = await startServer(loadConfig(process.env));
stopOnSignals(server);
process.send?.({ port: server.port });
