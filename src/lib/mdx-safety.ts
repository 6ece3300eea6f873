/**
 * MDX in content is a programming language that runs at build time. Content from a pull request
 * may use only plain Markdown and the project's allow-listed components, with literal attribute
 * values: no import/export, no {expressions}, no <script>/<iframe>, no on* handlers, http(s) links.
 * Parsed with the unified MDX parser (micromark-extension-mdxjs) rather than with regexes, so what
 * is checked is what the MDX compiler would see.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { Problem } from './problems.ts';

/** Components content may use, with the attributes each accepts. */
export const ALLOWED_COMPONENTS: Record<string, readonly string[]> = {
  Aside: ['kind'],
  Quote: ['by', 'source'],
  EventRef: ['id'],
  SourceRef: ['id'],
};

const SAFE_URL = /^(https?:\/\/|\/|#|mailto:korrekturen@konferenzleck\.org$)/i;

export function checkMdxSafety(body: string, file: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  const add = (line: number | undefined, field: string, found: string, allowed: string, rule: string, hint?: string) =>
    problems.push({
      severity: 'error',
      file,
      line: line !== undefined ? line + firstLine - 1 : undefined,
      field,
      found,
      allowed,
      rule,
      hint,
    });
  let tree;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number }; reason?: string; message?: string };
    add(
      err.line ?? err.place?.line,
      '(body)',
      JSON.stringify((err.reason ?? err.message ?? '').split('\n')[0]),
      'MDX that parses',
      'mdx/syntax',
      'a stray "{" or "<" starts code in MDX: write \\{ or \\< for the character',
    );
    return problems;
  }
  visit(tree, (node) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          line,
          '(body)',
          JSON.stringify(String((node as { value: string }).value).split('\n')[0]),
          'no import or export statements in content',
          'mdx/esm',
          'remove the line; allow-listed components are available without import',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(
          line,
          '(body)',
          JSON.stringify(`{${(node as { value: string }).value}}`),
          'no JavaScript expressions in content',
          'mdx/expression',
          'write \\{ for a literal brace',
        );
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const el = node as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
        const name = el.name ?? '(fragment)';
        const allowed = ALLOWED_COMPONENTS[name];
        if (!allowed) {
          const rule = /^(script|iframe|object|embed|style)$/i.test(name) ? 'mdx/forbidden-element' : 'mdx/component';
          add(
            line,
            '(body)',
            `<${name}>`,
            `only the components ${Object.keys(ALLOWED_COMPONENTS).join(', ')}`,
            rule,
            name.toLowerCase() === 'script'
              ? 'scripts are never allowed in content'
              : 'use Markdown, or ask for a component to be added to the allow-list',
          );
          break;
        }
        for (const a of el.attributes) {
          if (a.type !== 'mdxJsxAttribute') {
            add(
              line,
              '(body)',
              `<${name} {…}>`,
              'attributes with literal values only',
              'mdx/expression',
              'write each attribute as name="text"',
            );
            continue;
          }
          if (/^on/i.test(a.name ?? '')) {
            add(
              line,
              '(body)',
              `${a.name}=`,
              'no event-handler attributes',
              'mdx/event-handler',
              `remove ${a.name}=…; content cannot run code`,
            );
          } else if (!allowed.includes(a.name ?? '')) {
            add(
              line,
              '(body)',
              `${name} ${a.name}=`,
              `attributes ${allowed.join(', ')} on <${name}>`,
              'mdx/attribute',
              `remove ${a.name}= or use one of the listed attributes`,
            );
          }
          if (a.value !== null && typeof a.value === 'object') {
            add(
              line,
              '(body)',
              `${a.name}={…}`,
              'attribute values as literal strings',
              'mdx/expression',
              `write ${a.name}="text" instead of ${a.name}={…}`,
            );
          }
        }
        break;
      }
      case 'html': {
        const v = (node as { value: string }).value;
        if (/<\s*(script|iframe)/i.test(v))
          add(
            line,
            '(body)',
            JSON.stringify(v.slice(0, 40)),
            'no <script> or <iframe>',
            'mdx/forbidden-element',
            'remove the element; link to the page instead of embedding it',
          );
        if (/\son\w+\s*=/i.test(v))
          add(
            line,
            '(body)',
            JSON.stringify(v.slice(0, 40)),
            'no event-handler attributes',
            'mdx/event-handler',
            'remove the on…= attribute; content cannot run code',
          );
        break;
      }
      case 'link':
      case 'image':
      case 'definition': {
        const url = (node as { url: string }).url;
        if (!SAFE_URL.test(url))
          add(
            line,
            '(body)',
            JSON.stringify(url),
            'links that are http(s), site-relative (/…) or fragments (#…)',
            'mdx/link-scheme',
            'link to an https:// address (javascript:, data: and file: links are refused)',
          );
        break;
      }
      default:
        break;
    }
  });
  return problems;
}
