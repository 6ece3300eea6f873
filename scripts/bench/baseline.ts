/**
 * The baseline: a plain Astro site in the shape of Astro's `examples/blog` — `src/content/blog/*.md`
 * with title/description/pubDate frontmatter, one `[...slug].astro` page with a simple layout and an
 * index page listing the posts, plain Markdown — with exactly as many HTML pages as our build wrote,
 * so pages per second can be compared side by side on the same machine with the same Astro.
 */
import fs from 'node:fs';
import path from 'node:path';
import { prng } from '../../src/lib/prng.ts';

const WORDS = `the a conference meeting report committee security platform access office review statement update case
government ministry department result investigation data protection recommendation measure server vendor contract
minutes encryption guideline training notification period background assessment answer debate parliament public press
publication recording analysis summary question was had confirmed reported said published announced later earlier
however also and or but with without for against about under after before since at from to of internal technical`.split(
  /\s+/,
);

const FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'bench-baseline', type: 'module', private: true, scripts: { build: 'astro build' } },
    null,
    2,
  ),
  'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.com' });\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const blog = defineCollection({
  loader: glob({ base: './src/content/blog', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    pubDate: z.coerce.date(),
    updatedDate: z.coerce.date().optional(),
  }),
});

export const collections = { blog };
`,
  'src/layouts/BlogPost.astro': `---
import '../styles/global.css';
interface Props { title: string; description: string; pubDate?: Date }
const { title, description, pubDate } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
    <link rel="canonical" href={new URL(Astro.url.pathname, Astro.site)} />
  </head>
  <body>
    <header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>
    <main>
      <article>
        <h1>{title}</h1>
        {pubDate && <p><time datetime={pubDate.toISOString()}>{pubDate.toLocaleDateString('en-us', { year: 'numeric', month: 'short', day: 'numeric' })}</time></p>}
        <slot />
      </article>
    </main>
    <footer>&copy; Example</footer>
  </body>
</html>
`,
  'src/pages/blog/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import BlogPost from '../../layouts/BlogPost.astro';

export async function getStaticPaths() {
  const posts = await getCollection('blog');
  return posts.map((post) => ({ params: { slug: post.id }, props: post }));
}
const post = Astro.props;
const { Content } = await render(post);
---
<BlogPost {...post.data}><Content /></BlogPost>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import BlogPost from '../layouts/BlogPost.astro';
const posts = (await getCollection('blog')).sort((a, b) => a.data.pubDate.valueOf() - b.data.pubDate.valueOf());
---
<BlogPost title="Blog" description="All posts">
  <ul>{posts.map((p) => <li><a href={\`/blog/\${p.id}/\`}>{p.data.title}</a></li>)}</ul>
</BlogPost>
`,
  'src/styles/global.css': `body{font-family:system-ui,sans-serif;max-width:44rem;margin:auto;padding:1rem;line-height:1.6}\nh1{line-height:1.2}\n`,
};

/** Write a baseline site with `pages` HTML pages (index + pages − 1 posts) into `dir`. */
export function writeBaseline(dir: string, pages: number, seed = 1): void {
  fs.rmSync(path.join(dir, 'src'), { recursive: true, force: true });
  for (const [f, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  const r = prng(seed);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const sentence = () => {
    const s = words(8 + Math.floor(r() * 10));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const blogDir = path.join(dir, 'src/content/blog');
  fs.mkdirSync(blogDir, { recursive: true });
  for (let i = 1; i < pages; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 2500) * 86_400_000).toISOString().slice(0, 10);
    const paras = Array.from({ length: 3 + Math.floor(r() * 4) }, () =>
      Array.from({ length: 3 + Math.floor(r() * 3) }, sentence).join(' '),
    );
    const body = [`## ${sentence()}`, ...paras.slice(0, 2), `- ${sentence()}\n- ${sentence()}`, ...paras.slice(2)].join(
      '\n\n',
    );
    fs.writeFileSync(
      path.join(blogDir, `post-${String(i).padStart(5, '0')}.md`),
      `---\ntitle: '${words(5)}'\ndescription: '${words(14)}'\npubDate: '${day}'\n---\n\n${body}\n`,
    );
  }
}
