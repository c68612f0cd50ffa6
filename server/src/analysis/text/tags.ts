import type { Span } from '../types';

// HTML or XML tags pasted into plain text (<tweet author="...">) are markup, not prose.
// Sticky, and tried only at each `<`: a global scan tried every position of a long article on
// every edit. The matches are those of the same pattern with the g flag.
const TAG = /<\/?[A-Za-z][^<>\n]{0,2000}>/y;

/** Where the tags are, in order (none holds a line break): the prose reads them as spaces. */
export function tagSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let k = text.indexOf('<'); k >= 0; k = text.indexOf('<', k + 1)) {
    TAG.lastIndex = k;
    if (!TAG.test(text)) continue;
    spans.push({ start: k, end: TAG.lastIndex });
    k = TAG.lastIndex - 1;
  }
  return spans;
}
