import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Span } from '../types';
import type { Block } from './blocks';

export interface MarkdownProse {
  /** The text with everything but prose (markup, code, HTML, URLs, front matter) blanked; same length. */
  prose: string;
  blocks: Block[];
  /** Verbatim regions (code, inline code, front matter) where notes and markers are not read. */
  verbatim: Span[];
}

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const VERBATIM = new Set(['code', 'inlineCode', 'yaml', 'toml']);
const REFERENCE = /\[\^[^\]\s]{1,100}\](?!:)/g;

/**
 * How deep the deepest line is nested (block quote markers and list indentation). micromark is
 * quadratic in nesting depth (400 nested lists take seconds), so past MAX_NESTING the article is
 * read as plain text instead: no real article nests that deep.
 */
export const MAX_NESTING = 64;
export function tooDeeplyNested(text: string): boolean {
  // Linear: each line's prefix is scanned once.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) depth = 0;
    else if (c === 62 /* > */) depth += 2;
    else if (c === 32 || c === 9 || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) depth += c === 9 ? 2 : 1;
    else {
      if (depth > 2 * MAX_NESTING) return true;
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl - 1;
      depth = 0;
    }
  }
  return depth > 2 * MAX_NESTING;
}

/**
 * Parse Markdown with micromark (CommonMark + GFM footnotes + front matter) and keep only the
 * text of paragraphs and headings. Offsets are unchanged: blanked characters become spaces,
 * line breaks stay.
 */
export function markdownProse(text: string): MarkdownProse {
  // Note references go to micromark as no-break spaces of the same length: its footnote label
  // matching is quadratic in the number of references (100,000 took 48 s; now milliseconds). The
  // notes themselves are read from the original text (notes.ts), and NBSP keeps lines non-blank.
  const forParser = text.includes('[^') ? text.replace(REFERENCE, (m) => '\u00a0'.repeat(m.length)) : text;
  const tree = fromMarkdown(forParser, {
    extensions: [frontmatter(['yaml', 'toml']), gfmFootnote()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFootnoteFromMarkdown()],
  }) as MdNode;
  const keep = new Uint8Array(text.length);
  const blocks: Block[] = [];
  const verbatim: Span[] = [];
  // An explicit stack, not recursion: a document nested thousands deep must not overflow the stack.
  const stack: [MdNode, boolean, boolean][] = [[tree, false, false]];
  while (stack.length > 0) {
    const [node, inBlock, parentInNote] = stack.pop()!;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    if (VERBATIM.has(node.type)) {
      verbatim.push({ start: s, end: e });
      continue;
    }
    const inNote = parentInNote || node.type === 'footnoteDefinition';
    if (node.type === 'text' && inBlock && !inNote) keep.fill(1, s, e);
    const isBlock = (node.type === 'paragraph' || node.type === 'heading') && !inNote;
    if (isBlock) blocks.push({ start: s, end: e, kind: node.type === 'heading' ? 'heading' : 'paragraph', from: s });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, inBlock || isBlock, inNote]);
  }
  verbatim.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && keep[i] === keep[runStart]) continue;
    const chunk = text.slice(runStart, i);
    parts.push(keep[runStart] ? chunk : chunk.replace(/[^\n]/g, ' '));
    runStart = i;
  }
  const prose = parts.join('');
  // Trim each block to its visible text so sentence and quote offsets start at a letter.
  const trimmed: Block[] = [];
  for (const b of blocks) {
    let { start, end } = b;
    while (start < end && /\s/.test(prose[start] ?? '')) start++;
    while (end > start && /\s/.test(prose[end - 1] ?? '')) end--;
    if (end > start) trimmed.push({ start, end, kind: b.kind, from: b.from });
  }
  trimmed.sort((a, b) => a.start - b.start);
  return { prose, blocks: trimmed, verbatim };
}
