// write-good ships no type declarations; the benchmark uses only its default export.
declare module 'write-good' {
  /** Suggestions for `text`, one per flagged span. */
  function writeGood(text: string, options?: Record<string, boolean>): { index: number; offset: number; reason: string }[];
  export = writeGood;
}
