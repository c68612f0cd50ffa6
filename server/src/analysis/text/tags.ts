// HTML or XML tags pasted into plain text (<tweet author="...">) are markup, not prose.
// Sticky, and tried only at each `<`: a global scan tried every position of a long article on
// every edit. The matches are those of the same pattern with the g flag.
const TAG = /<\/?[A-Za-z][^<>\n]{0,2000}>/y;

/** `text` with every tag blanked to spaces (same length). */
export function blankTags(text: string): string {
  let parts: string[] | undefined;
  let at = 0;
  for (let k = text.indexOf('<'); k >= 0; k = text.indexOf('<', k + 1)) {
    TAG.lastIndex = k;
    if (!TAG.test(text)) continue;
    const end = TAG.lastIndex;
    (parts ??= []).push(text.slice(at, k), ' '.repeat(end - k));
    at = end;
    k = end - 1;
  }
  if (!parts) return text;
  parts.push(text.slice(at));
  return parts.join('');
}
