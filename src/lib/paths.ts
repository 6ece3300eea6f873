/** Static-path helpers shared by pages (pure). */
import { LANGS, type Lang } from './settings.ts';

export const langPaths = () => LANGS.map((lang) => ({ params: { lang } }));

export function perLang<T>(
  items: readonly T[],
  params: (item: T) => Record<string, string>,
  props?: (item: T) => Record<string, unknown>,
) {
  return LANGS.flatMap((lang: Lang) =>
    items.map((item) => ({ params: { lang, ...params(item) }, props: { ...(props ? props(item) : {}), item } })),
  );
}
