// Minimal types for citation-js 0.8, which ships none: the parts src/lib/citation.ts and the tests use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: unknown[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: { get(name: string): { styles: unknown; locales: unknown; [key: string]: unknown } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
