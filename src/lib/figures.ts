/** Display of reported figures: the value exactly as precise as the source states it. */
import type { FigureData } from './schemas.ts';

// One formatter per language: constructing an Intl.NumberFormat costs far more than using it.
const NUMBER_FORMAT = {
  de: new Intl.NumberFormat('de-DE'),
  en: new Intl.NumberFormat('en-GB'),
};

export function formatNumber(n: number, lang: string): string {
  return NUMBER_FORMAT[lang === 'de' ? 'de' : 'en'].format(n);
}

export function formatFigureValue(v: FigureData['value'], lang: string): string {
  const f = (n: number | undefined) => (n === undefined ? '?' : formatNumber(n, lang));
  switch (v.type) {
    case 'exact':
      return f(v.n);
    case 'about':
      return `${lang === 'de' ? 'etwa' : 'about'} ${f(v.n)}`;
    case 'more-than':
      return `${lang === 'de' ? 'mehr als' : 'more than'} ${f(v.min)}`;
    case 'range':
      return `${f(v.min)}–${f(v.max)}`;
    case 'vague':
      return lang === 'de' ? 'unbestimmt (siehe Wortlaut)' : 'vague (see wording)';
  }
}
