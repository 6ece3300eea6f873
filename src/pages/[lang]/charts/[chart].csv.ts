/** Static download of one chart's data as CSV: exactly the rows of the table shown with the chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts, tableCsv } from '../../../lib/charts/register-charts.ts';
import { LANGS } from '../../../lib/settings.ts';
import { datasets, registerInput } from '../../../components/charts/chart-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const input = await registerInput();
  return LANGS.flatMap((lang) =>
    allCharts(input, datasets(), lang).map((spec) => ({
      params: { lang, chart: spec.id },
      props: { body: tableCsv(spec.table) },
    })),
  );
};

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
