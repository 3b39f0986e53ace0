// `npm start`: builds when the build is missing or older than the sources, then runs the server
// in this process, with short readable log lines unless LOG_FORMAT says otherwise.
import { buildIfStale } from './build-if-stale.js';
import { runsProject, tooOldMessage } from './node-runtime.js';

if (!runsProject(process.version)) {
	console.error(tooOldMessage(process.version));
	process.exit(1);
}

if (!(await buildIfStale((line) => console.log(line)))) process.exit(1);

// A person at a terminal reads sentences; operators who want the JSON lines set LOG_FORMAT=json.
process.env.LOG_FORMAT ??= 'text';
await import(new URL('../build/main.js', import.meta.url).href);
