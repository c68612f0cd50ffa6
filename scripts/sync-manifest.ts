// Writes the registry-generated settings into package.json (contributes.configuration only) and
// into README.md's settings table. Reads and writes each file at once: other parts of
// package.json may be edited by others meanwhile.
import { readFileSync, writeFileSync } from 'node:fs';
import { configuration, withSettingsTable } from './manifest';

const pkgPath = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { contributes?: Record<string, unknown> };
pkg.contributes = { ...pkg.contributes, configuration: configuration() };
writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

const docPath = new URL('../README.md', import.meta.url);
writeFileSync(docPath, withSettingsTable(readFileSync(docPath, 'utf8')));
process.stdout.write('package.json configuration and README.md settings table updated\n');
