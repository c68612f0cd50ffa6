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

/**
 * Parse Markdown with micromark (CommonMark + GFM footnotes + front matter) and keep only the
 * text of paragraphs and headings. Offsets are unchanged: blanked characters become spaces,
 * line breaks stay.
 */
export function markdownProse(text: string): MarkdownProse {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml', 'toml']), gfmFootnote()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFootnoteFromMarkdown()],
  }) as MdNode;
  const keep = new Uint8Array(text.length);
  const blocks: Block[] = [];
  const verbatim: Span[] = [];
  const walk = (node: MdNode, inBlock: boolean, inNote: boolean) => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) return;
    if (VERBATIM.has(node.type)) {
      verbatim.push({ start: s, end: e });
      return;
    }
    if (node.type === 'footnoteDefinition') inNote = true;
    if (node.type === 'text' && inBlock && !inNote) keep.fill(1, s, e);
    const isBlock = (node.type === 'paragraph' || node.type === 'heading') && !inNote;
    if (isBlock) blocks.push({ start: s, end: e, kind: node.type === 'heading' ? 'heading' : 'paragraph', from: s });
    for (const c of node.children ?? []) walk(c, inBlock || isBlock, inNote);
  };
  walk(tree, false, false);
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
