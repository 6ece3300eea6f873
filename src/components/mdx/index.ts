// The allow-list of components content MDX may use (kept in sync with src/lib/mdx-safety.ts).
import Aside from './Aside.astro';
import Quote from './Quote.astro';
import EventRef from './EventRef.astro';
import SourceRef from './SourceRef.astro';

export const mdxComponents = { Aside, Quote, EventRef, SourceRef };
