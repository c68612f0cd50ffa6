// Typed `factcheck.*` settings, per document (resource), never module globals.
// Clients that answer `workspace/configuration` (VS Code, Neovim) are asked per document and the
// answer is cached until `workspace/didChangeConfiguration`; other clients send their settings with
// that notification (or as `initializationOptions`) and those apply to every document.
import type { Connection } from 'vscode-languageserver';
import { RULE_IDS } from './analysis';
import type { AnalyseOptions, ArticleFormat, RuleId, SeveritySetting } from './analysis';

/**
 * The settings that apply to one document. Example:
 * `{ enable: true, rules: { 'claim.unsourced': 'off' }, extraReportingVerbs: ['quipped'], extraVaguePhrases: [], placeholder: 'TODO' }`.
 */
export interface Settings {
  /** `factcheck.enable`: check this document at all. Default `true`. */
  enable: boolean;
  /** `factcheck.rules.<id>`: per-rule severity; a rule not listed keeps its default. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** `factcheck.extraReportingVerbs`: more reporting verbs, plain words such as `quipped`. */
  extraReportingVerbs: string[];
  /** `factcheck.extraVaguePhrases`: more vague-source phrases, plain text such as `insiders say`. */
  extraVaguePhrases: string[];
  /** `factcheck.placeholder`: the word that marks an unfinished note. Default `TODO`. */
  placeholder: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  rules: {},
  extraReportingVerbs: [],
  extraVaguePhrases: [],
  placeholder: 'TODO',
});

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeverity(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** Reads `rules` whether written flat (`{"claim.unsourced": "off"}`) or nested as VS Code returns it (`{claim: {unsourced: "off"}}`). */
function parseRules(value: unknown): Settings['rules'] {
  const rules: Settings['rules'] = {};
  if (!isRecord(value)) return rules;
  for (const id of RULE_IDS) {
    const [area, name] = id.split('.') as [string, string];
    const nested = value[area];
    const setting = value[id] ?? (isRecord(nested) ? nested[name] : undefined);
    if (isSeverity(setting)) rules[id] = setting;
  }
  return rules;
}

/** Turns whatever a client sent for the `factcheck` section into {@link Settings}; unknown or ill-typed values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS, rules: {} };
  const placeholder = typeof raw.placeholder === 'string' && raw.placeholder.trim() !== '' ? raw.placeholder.trim() : DEFAULT_SETTINGS.placeholder;
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    rules: parseRules(raw.rules),
    extraReportingVerbs: stringList(raw.extraReportingVerbs),
    extraVaguePhrases: stringList(raw.extraVaguePhrases),
    placeholder,
  };
}

/** The analyser options for a document with these settings. */
export function toAnalyseOptions(settings: Settings, format: ArticleFormat): AnalyseOptions {
  return {
    format,
    severities: settings.rules,
    extraReportingVerbs: settings.extraReportingVerbs,
    extraVaguePhrases: settings.extraVaguePhrases,
    placeholder: settings.placeholder,
  };
}

/** Picks the `factcheck` section out of a `didChangeConfiguration` payload or `initializationOptions`. */
function factcheckSection(payload: unknown): unknown {
  if (!isRecord(payload)) return undefined;
  return isRecord(payload.factcheck) ? payload.factcheck : payload;
}

/** Per-document settings with a cache that {@link SettingsStore.changed} clears. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private global: Settings;
  private generationCounter = 0;

  /**
   * @param connection asked with `workspace/configuration` when `askClient` is true.
   * @param askClient whether the client supports `workspace/configuration`.
   * @param initial settings from `initializationOptions` (clients without `workspace/configuration`).
   */
  constructor(
    private readonly connection: Connection,
    private readonly askClient: boolean,
    initial?: unknown,
  ) {
    this.global = parseSettings(factcheckSection(initial));
  }

  /** Increases on every configuration change; part of pull diagnostics' result ids. */
  get generation(): number {
    return this.generationCounter;
  }

  /** The settings for the document `uri`. Never rejects: a failed request yields the last known settings. */
  get(uri: string): Promise<Settings> {
    if (!this.askClient) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'factcheck' })
        .then(parseSettings, (error: unknown) => {
          this.connection.console.error(`factcheck: reading settings for ${uri} failed: ${String(error)}`);
          this.cache.delete(uri);
          return this.global;
        });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Handles `workspace/didChangeConfiguration`: forget cached answers; take pushed settings when the client cannot be asked. */
  changed(payload: unknown): void {
    this.generationCounter++;
    this.cache.clear();
    if (!this.askClient && payload !== null && payload !== undefined) this.global = parseSettings(factcheckSection(payload));
  }

  /** Sizes of the per-document tables, for the leak tests (FACTCHECK_DEBUG). */
  sizes(): Record<string, number> {
    return { settings: this.cache.size };
  }

  /** Drops the cached settings of a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
