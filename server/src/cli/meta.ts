import packageJson from '../../../package.json';

/** The package version, e.g. `0.1.0`. */
export const VERSION: string = packageJson.version;

const manifest: Record<string, unknown> = packageJson;

/** README anchor of a rule: GitHub drops the dots and backticks of a heading such as ### `claim.unsourced`. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.replace(/[^a-z0-9-]/g, '');
}

/**
 * Absolute URL of the README section for a rule, the one the language server's `codeDescription`
 * uses: package.json `repository` URL (or `homepage`) plus the anchor; `null` while neither is
 * set, since SARIF `helpUri` must be absolute.
 */
export function ruleHelpUri(ruleId: string): string | null {
  const repository = manifest.repository;
  const repo = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  const base = typeof repo === 'string' && /^(git\+)?https?:\/\//.test(repo) ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : manifest.homepage;
  return typeof base === 'string' && /^https?:\/\//.test(base) ? `${base.replace(/#.*$/, '')}#${ruleAnchor(ruleId)}` : null;
}
