/**
 * The inputs of every chart, read once per build through the queries module. Datasets are read
 * from src/content/datasets/ with the same validator the content gate uses, until the `datasets`
 * collection is wired in content.config.ts (then this becomes a query).
 */
import path from 'node:path';
import { incidents, events, sources, actors, figures } from '../../queries.ts';
import { contentDir } from '../../lib/settings.ts';
import { readDatasets, type DatasetEntry } from '../../lib/dataset-schema.ts';
import { ContentError } from '../../lib/problems.ts';
import type { RegisterInput } from '../../lib/register-aggregates.ts';

let input: Promise<RegisterInput> | undefined;
export function registerInput(): Promise<RegisterInput> {
  return (input ??= (async () => ({
    incidents: await incidents(),
    events: await events(),
    sources: await sources(),
    actors: await actors(),
    figures: await figures(),
  }))());
}

let cached: DatasetEntry[] | undefined;
export function datasets(): DatasetEntry[] {
  if (!cached) {
    const { datasets: list, problems } = readDatasets(path.join(contentDir(), 'datasets'));
    if (problems.length) throw new ContentError(problems);
    cached = list;
  }
  return cached;
}
