// Collection wiring only: the schemas live in src/lib/schemas.ts.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { COLLECTIONS, type CollectionName } from './lib/schemas.ts';
import { contentDir } from './lib/settings.ts';
import { datasetSchema } from './lib/dataset-schema.ts';

const base = (name: CollectionName) => path.join(contentDir(), COLLECTIONS[name].dir);

const yamlId = ({ entry }: { entry: string }) => entry.replace(/\.yaml$/, '');
const yamlGlob = (name: CollectionName) =>
  glob({ pattern: COLLECTIONS[name].pattern, base: base(name), generateId: yamlId });

export const collections = {
  incidents: defineCollection({
    loader: glob({
      pattern: COLLECTIONS.incidents.pattern,
      base: base('incidents'),
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
    schema: COLLECTIONS.incidents.schema,
  }),
  narratives: defineCollection({
    loader: glob({
      pattern: COLLECTIONS.narratives.pattern,
      base: base('narratives'),
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: COLLECTIONS.narratives.schema,
  }),
  about: defineCollection({
    loader: glob({
      pattern: COLLECTIONS.about.pattern,
      base: base('about'),
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: COLLECTIONS.about.schema,
  }),
  events: defineCollection({ loader: yamlGlob('events'), schema: COLLECTIONS.events.schema }),
  sources: defineCollection({ loader: yamlGlob('sources'), schema: COLLECTIONS.sources.schema }),
  actors: defineCollection({ loader: yamlGlob('actors'), schema: COLLECTIONS.actors.schema }),
  figures: defineCollection({ loader: yamlGlob('figures'), schema: COLLECTIONS.figures.schema }),
  glossary: defineCollection({ loader: yamlGlob('glossary'), schema: COLLECTIONS.glossary.schema }),
  // Aggregate datasets (disclosure-controlled JSON); validated in full by src/lib/dataset-schema.ts.
  datasets: defineCollection({
    loader: glob({
      pattern: '*.json',
      base: path.join(contentDir(), 'datasets'),
      generateId: ({ entry }) => entry.replace(/\.json$/, ''),
    }),
    schema: datasetSchema,
  }),
};
