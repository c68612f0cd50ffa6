/**
 * The analyser's public types. Offsets are JavaScript string indices (UTF-16 code units)
 * into the analysed text; `end` is exclusive.
 */

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Severity of a finding, as editors show it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A configured severity: a {@link Severity}, or `off` to disable the rule. */
export type SeveritySetting = Severity | 'off';

/** Stable rule ids. Settings keys and README anchors derive from them. */
export type RuleId =
  | 'claim.unsourced'
  | 'note.incomplete'
  | 'note.missing'
  | 'note.unused'
  | 'quote.attributed'
  | 'quote.unattributed'
  | 'quote.unbalanced'
  | 'source.anonymous'
  | 'source.vague';

/** `direct`: in quotation marks; `indirect`: reported speech; `mixed`: reported speech with quoted words. */
export type AttributionKind = 'direct' | 'indirect' | 'mixed';

/** What kind of source a speaker mention is. */
export type SpeakerKind = 'person' | 'pronoun' | 'institution' | 'vague' | 'anonymous' | 'unknown';

/**
 * Who said what. Example: in `Peskov told journalists that the talks ended.`
 * `speaker` covers `Peskov`, `cue` covers `told`, `quote` covers `that the talks ended`.
 */
export interface Attribution {
  kind: AttributionKind;
  /** The quotation (marks included) or the reported content (a leading `that` included). */
  quote: Span;
  /** The mention of the speaker in the text; for a floating quote, the mention it was resolved to; `null` if none. */
  speaker: Span | null;
  /** The reporting verb or phrase (`said`, `according to`, `told`); `null` for a floating quote. */
  cue: Span | null;
  /**
   * The source as a reader would cite it: the resolved full name with the role the article gives
   * (`Dmitri S. Peskov, Mr. Putin’s spokesperson`), or the source's description
   * (`two people familiar with the issue`).
   */
  name: string | null;
  /** The resolved person or source alone, without the role: `Dmitri S. Peskov`. Groups quotes by speaker. */
  person: string | null;
  /** The role given next to the name in the article, if any: `Mr. Putin’s spokesperson`. */
  role: string | null;
  speakerKind: SpeakerKind;
  /** The cue as a readable phrase for messages, e.g. `told journalists`; empty for a floating quote. */
  cueText: string;
  /** The sentence (or sentences) that carry the attribution; source notes attach to its end. */
  sentence: Span;
  /** Id of the source note whose reference sits on this sentence, if any. */
  noteId: string | null;
}

/** A footnote reference `[^id]` in the text. */
export interface NoteReference extends Span {
  id: string;
}

/** A footnote definition line `[^id]: text`. `span` covers the whole line. */
export interface NoteDefinition extends Span {
  id: string;
  /** The definition's text after `[^id]:`, trimmed. */
  text: string;
  /** True when the text is empty or contains the placeholder word (default `TODO`). */
  placeholder: boolean;
}

/** The source notes of a document. */
export interface Notes {
  references: NoteReference[];
  definitions: NoteDefinition[];
}

/**
 * What a finding's quick fixes need; carried as LSP `Diagnostic.data`.
 * Example: `{ insertAt: 600, suggestedId: 'peskov-1', source: 'Dmitri S. Peskov', cue: 'told journalists' }`.
 */
export interface FindingData {
  /** Where a note reference `[^id]` is inserted: after the sentence's final punctuation or closing quotation mark. */
  insertAt: number;
  /** A readable, unique note id for a new note, e.g. `peskov-1` or `claim-3`. */
  suggestedId: string;
  /** The source's name or description, when known (pre-fills the note definition). */
  source?: string;
  /** The person or source alone, without a role (`Dmitri S. Peskov`): finds notes that already cite them. */
  person?: string;
  /** The cue phrase, when the finding is an attribution (pre-fills the note definition). */
  cue?: string;
  /** What made a claim check-worthy, e.g. `a figure ("30-day")`. */
  trigger?: string;
  /** For `note.*` findings: the note id concerned. */
  noteId?: string;
  /** Offset of the start of the line where a `factcheck-ignore` marker line would be inserted. */
  lineStart: number;
}

/** One problem to show, e.g. a `claim.unsourced` warning on a sentence. */
export interface Finding extends Span {
  rule: RuleId;
  severity: Severity;
  message: string;
  data: FindingData;
}

/** The result of {@link analyse}. */
export interface Analysis {
  /** Sorted by the quote's start. */
  attributions: Attribution[];
  /** Sorted by start, then end, then rule id. */
  findings: Finding[];
  notes: Notes;
  /** Rules that threw on this document: their findings are skipped, the other rules still report. */
  ruleErrors: { rule: RuleId; message: string }[];
}

/** Input format: Markdown is parsed so code, front matter, HTML comments and link URLs are skipped. */
export type ArticleFormat = 'markdown' | 'plaintext';

/**
 * Options of {@link analyse}. Example:
 * `{ format: 'markdown', severities: { 'claim.unsourced': 'off' }, extraReportingVerbs: ['quipped'] }`.
 */
export interface AnalyseOptions {
  /** Default `plaintext`. */
  format?: ArticleFormat;
  /** Per-rule severity overrides; `off` disables a rule. */
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  /** More reporting verbs (plain words, any inflection listed separately), e.g. `quipped`. */
  extraReportingVerbs?: string[];
  /** More vague-source phrases (plain strings, matched case-insensitively on word boundaries), e.g. `insiders say`. */
  extraVaguePhrases?: string[];
  /** The word that marks an unfinished note definition. Default `TODO`. */
  placeholder?: string;
}
