// `npm run audit:shipped`: npm audit of the dependencies that ship (bundled into the VSIX and the
// CLI), dev tools left out. Fails (exit 1) on any high or critical advisory. When the registry's
// audit endpoint cannot be reached (offline, a proxy or mirror without it), it says so and exits 0
// (AUDIT_STRICT=1 makes that a failure too, for CI with network access).
import { spawnSync } from 'node:child_process';

const strict = process.env.AUDIT_STRICT === '1';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });

/** @type {any} */
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = undefined;
}

const vulnerabilities = report?.metadata?.vulnerabilities;
if (!vulnerabilities) {
  const why = report?.message ?? report?.error?.summary ?? (r.error ? String(r.error) : (r.stderr || r.stdout).trim().split('\n')[0]);
  console.log(`audit skipped: the npm audit endpoint could not be reached (${why || 'no answer'}).`);
  console.log('Run `npm audit --omit=dev` where the registry is reachable to check the shipped dependencies.');
  process.exit(strict ? 1 : 0);
}

const advisories = Object.values(report.vulnerabilities ?? {});
for (const v of advisories) {
  const titles = (v.via ?? []).filter((x) => typeof x === 'object').map((x) => `${x.title} (${x.url})`);
  console.log(`${v.severity.padEnd(8)} ${v.name}${v.isDirect ? '' : ' (indirect)'}: ${titles.join('; ') || `via ${(v.via ?? []).join(', ')}`}`);
}
const { low = 0, moderate = 0, high = 0, critical = 0 } = vulnerabilities;
console.log(`audit of the shipped dependencies: ${critical} critical, ${high} high, ${moderate} moderate, ${low} low`);
process.exit(high + critical > 0 ? 1 : 0);
