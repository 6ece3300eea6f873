/**
 * Paragraph anchors and the rendering of snapshot narratives.
 *
 * Anchors: every narrative paragraph gets `id="p-{hash6}"`, the first 6 hex digits of the SHA-256
 * of its letters and digits only (lowercased, NFKC). Derived from the text rather than the index,
 * so inserting a paragraph above does not move the anchors of the others, and typographic quote
 * or entity differences between renderers do not change them; a paragraph that is corrected gets
 * a new anchor (the old wording stays reachable under its version address). A repeated paragraph
 * gets `-2`, `-3`, ….
 * On live pages the anchor comes from the `p` override passed to the MDX content
 * (src/components/ParagraphAnchor.astro) — Astro 7's default Rust MDX processor takes no
 * rehype plugins without @astrojs/markdown-remark. Version pages render the snapshot's MDX source
 * here (mdast → hast → HTML) with the same ids, so `#p-…` links work on both.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { toString } from 'mdast-util-to-string';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Paragraph } from 'mdast';
import { sha256Hex } from './versions.ts';
import type { Lang } from './settings.ts';

/** The letters and digits of a text, for hashing. */
export function paragraphKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Anchor id of a paragraph from its text content. */
export function paragraphId(text: string): string {
  return `p-${sha256Hex(paragraphKey(text)).slice(0, 6)}`;
}

/** Gives repeated ids a suffix, in document order. */
export function idAllocator(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

/** Text content of an HTML fragment (tags dropped, common entities decoded). */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(
      /&(amp|lt|gt|quot|apos|nbsp);/g,
      (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[n] ?? '',
    );
}

export const PARA_LINK_LABEL: Record<Lang, string> = { de: 'Link zu diesem Absatz', en: 'Link to this paragraph' };

/** The visible "link to this paragraph" after a paragraph's text. */
export function paragraphLink(id: string, lang: Lang): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['para-link'], href: `#${id}` },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '¶' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: PARA_LINK_LABEL[lang] }],
      },
    ],
  };
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: MdastNodes[];
}

/**
 * Render a narrative MDX source (plain Markdown plus the allow-listed components, checked by
 * mdx-safety at content time) to HTML, as the live page renders it, with paragraph anchors.
 */
export function renderNarrative(source: string, lang: Lang): string {
  const tree = fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const alloc = idAllocator();
  const attr = (n: JsxNode, name: string) => {
    const a = n.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
    return typeof a?.value === 'string' ? a.value : undefined;
  };
  const jsx: Handler = (state: State, node: JsxNode) => {
    const children = state.all(node as never);
    const el = (tagName: string, properties: Element['properties'], kids: ElementContent[]): Element => ({
      type: 'element',
      tagName,
      properties,
      children: kids,
    });
    switch (node.name) {
      case 'SourceRef':
        return el('a', { href: `/${lang}/sources/${attr(node, 'id') ?? ''}/` }, children);
      case 'EventRef':
        return el('a', { href: `/${lang}/events/${attr(node, 'id') ?? ''}/` }, children);
      case 'Aside':
        return el('aside', { className: ['aside-box'], dataKind: attr(node, 'kind') ?? 'note' }, children);
      case 'Quote': {
        const by = attr(node, 'by') ?? '';
        const src = attr(node, 'source');
        const cap: ElementContent[] = [{ type: 'text', value: `— ${by}` }];
        if (src)
          cap.push(
            { type: 'text', value: ', ' },
            el('a', { href: `/${lang}/sources/${src}/` }, [
              { type: 'text', value: lang === 'de' ? 'Quelle' : 'source' },
            ]),
          );
        return el('figure', { className: ['quote'] }, [el('blockquote', {}, children), el('figcaption', {}, cap)]);
      }
      default:
        // Anything else was refused by the content gate; render its text only.
        return children as never;
    }
  };
  const paragraph: Handler = (state: State, node: Paragraph, parent) => {
    // A paragraph of only JSX elements (and whitespace) is unravelled, as the MDX compiler does
    // (`<Quote …>text</Quote>` alone on a line is a block, not a paragraph).
    const onlyJsx = node.children.every(
      (c) => (c.type as string) === 'mdxJsxTextElement' || (c.type === 'text' && c.value.trim() === ''),
    );
    if (onlyJsx && node.children.some((c) => (c.type as string) === 'mdxJsxTextElement')) return state.all(node);
    // Paragraphs of list items are not anchored (tight lists render them without <p>, like MDX).
    if (parent?.type === 'listItem') {
      const plain: Element = { type: 'element', tagName: 'p', properties: {}, children: state.all(node) };
      state.patch(node, plain);
      return state.applyData(node, plain);
    }
    const id = alloc(paragraphId(toString(node)));
    const result: Element = {
      type: 'element',
      tagName: 'p',
      properties: { id },
      children: [...state.all(node), { type: 'text', value: ' ' }, paragraphLink(id, lang)],
    };
    state.patch(node, result);
    return state.applyData(node, result);
  };
  const hast = toHast(tree, {
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      paragraph,
      mdxjsEsm: () => undefined,
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
    },
  }) as HastRoot;
  return toHtml(hast);
}
