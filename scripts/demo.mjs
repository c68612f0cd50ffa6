// `npm run demo`: the factcheck CLI on the example articles that ship in examples/.
// Findings are the point of the demo, so exit status 1 (findings at warning level) counts as
// success; 2 (a usage or read error) and a missing build still fail.
import { spawnSync } from 'node:child_process';

const files = ['examples/newsroom-sample.md', 'examples/wire-brief.txt'];
console.log(`$ factcheck ${files.join(' ')}\n`);
const r = spawnSync(process.execPath, ['server/dist/cli.js', ...files], { stdio: 'inherit' });
if (r.error) throw r.error;
console.log(`\nExit status ${r.status} (1: findings at warning or error level). Try --format json or --format sarif, or --help.`);
process.exit(r.status === 0 || r.status === 1 ? 0 : (r.status ?? 1));
