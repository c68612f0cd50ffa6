import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifact, ArtifactLocation, ConfigurationOverride, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { RULES } from '../../analysis/ruleInfo';
import type { Severity } from '../../analysis/types';
import { VERSION, ruleAnchor, ruleHelpUri } from '../meta';
import type { ArticleInput, RunResult } from '../report';

/** SARIF has four levels; information and hint both become `note` (the original is kept in `properties.severity`). */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'factcheck/spanHash/v1';

/**
 * A SARIF 2.1.0 log that GitHub code scanning accepts: one run, every rule in `tool.driver.rules`
 * (results point at them by `ruleIndex`), artifact URIs relative to the working folder (`%SRCROOT%`),
 * regions with 1-based lines and UTF-16 columns plus `charOffset`/`charLength`, and read errors
 * as `toolExecutionNotifications` so the log is complete even when some files failed.
 */
export function sarifReport(result: RunResult, cwd: string): string {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = RULES.map((r) => {
    const helpUri = ruleHelpUri(r.id);
    const rule: ReportingDescriptor = {
      id: r.id,
      name: r.id.replace(/(^|[.-])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: {
        text: `${r.description} See the README, section ${r.id} (README.md#${ruleAnchor(r.id)}).`,
        markdown: `${r.description}\n\nSee [${r.id}](README.md#${ruleAnchor(r.id)}) in the README.`,
      },
      defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
      properties: { tags: ['editorial', r.id.split('.')[0] ?? r.id], defaultSeverity: r.defaultSeverity },
    };
    if (helpUri) rule.helpUri = helpUri;
    return rule;
  });

  const artifacts: Artifact[] = [];
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const report of result.reports) {
    const location = artifactLocation(report.input, cwd);
    const index = artifacts.length;
    const artifact: Artifact = { location, sourceLanguage: report.input.format, encoding: 'utf-8' };
    if (report.error === undefined) artifact.length = report.bytes;
    artifacts.push(artifact);
    const indexed: ArtifactLocation = { ...location, index };
    if (report.error !== undefined || report.note !== undefined) {
      notifications.push({
        level: report.error !== undefined ? 'error' : 'note',
        message: { text: `${report.input.path}: ${report.error ?? report.note ?? ''}` },
        locations: [{ physicalLocation: { artifactLocation: indexed } }],
      });
    }
    for (const e of report.ruleErrors ?? []) {
      notifications.push({
        level: 'error',
        message: { text: `${report.input.path}: ${e.message}` },
        associatedRule: { id: e.rule, index: ruleIndex.get(e.rule) ?? -1 },
        locations: [{ physicalLocation: { artifactLocation: indexed } }],
      });
    }
    for (const f of report.findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule) ?? -1,
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: indexed,
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset: f.start,
                charLength: f.end - f.start,
              },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        properties: { severity: f.severity },
      });
    }
  }
  const pathNotifications = result.problems.map((p): Notification => {
    const notification: Notification = { level: 'error', message: { text: `${p.path}: ${p.message}` } };
    if (p.absPath !== null) notification.locations = [{ physicalLocation: { artifactLocation: { uri: uriFor(p.absPath, cwd), ...baseFor(p.absPath, cwd) } } }];
    return notification;
  });

  const overrides: ConfigurationOverride[] = Object.entries(result.options.severities).map(([id, setting]) => ({
    descriptor: { id, index: ruleIndex.get(id) ?? -1 },
    configuration: setting === 'off' ? { enabled: false } : { level: sarifLevel(setting) },
  }));

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factcheck',
            version: VERSION,
            semanticVersion: VERSION,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: result.exitCode !== 2,
            exitCode: result.exitCode,
            toolExecutionNotifications: [...pathNotifications, ...notifications],
            ...(overrides.length > 0 ? { ruleConfigurationOverrides: overrides } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifactLocation(input: ArticleInput, cwd: string): ArtifactLocation {
  if (input.absPath === null) {
    // Standard input: its --stdin-filename when given (relative to the working folder), else "stdin".
    const name = input.path === '<stdin>' ? 'stdin' : input.path;
    return isAbsolute(name) ? { uri: uriFor(name, cwd), ...baseFor(name, cwd) } : { uri: encodePath(name), uriBaseId: SRCROOT };
  }
  return { uri: uriFor(input.absPath, cwd), ...baseFor(input.absPath, cwd) };
}

/** Inside the working folder: a relative URI against %SRCROOT%; outside it: an absolute file URI. */
function uriFor(absPath: string, cwd: string): string {
  return isInside(absPath, cwd) ? encodePath(relative(cwd, absPath)) : pathToFileURL(absPath).href;
}

function baseFor(absPath: string, cwd: string): { uriBaseId?: string } {
  return isInside(absPath, cwd) ? { uriBaseId: SRCROOT } : {};
}

function isInside(absPath: string, cwd: string): boolean {
  const rel = relative(cwd, absPath);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function encodePath(path: string): string {
  return path.split(/[\\/]+/).map(encodeURIComponent).join('/');
}
