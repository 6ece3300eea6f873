/** Static download of one chart's data as JSON: exactly the rows of the table shown with the chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts, tableJson } from '../../../lib/charts/register-charts.ts';
import { LANGS } from '../../../lib/settings.ts';
import { datasets, registerInput } from '../../../components/charts/chart-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const input = await registerInput();
  return LANGS.flatMap((lang) =>
    allCharts(input, datasets(), lang).map((spec) => ({
      params: { lang, chart: spec.id },
      props: { body: tableJson(spec, lang) },
    })),
  );
};

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
