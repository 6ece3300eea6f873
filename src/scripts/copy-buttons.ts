/**
 * Tiny enhancement of "Cite this": sets the retrieval day to the reader's day and adds a copy
 * button to each citation. Without JavaScript the citations stay readable, selectable and
 * downloadable; the buttons only exist when they work.
 */
const now = new Date();
const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
const [y, m, d] = iso.split('-');
const styles: Record<string, string> = {
  de: `${d}.${m}.${y}`,
  apa: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).format(now),
  iso,
  ris: `${Number(y)}/${Number(m)}/${Number(d)}/`,
  csl: `[[${Number(y)}, ${Number(m)}, ${Number(d)}]]`,
};
for (const s of document.querySelectorAll<HTMLElement>('[data-accessed]')) {
  const v = styles[s.dataset['accessed'] ?? ''];
  if (v) s.textContent = v;
}
for (const box of document.querySelectorAll<HTMLElement>('.cite-this')) {
  const status = box.querySelector<HTMLElement>('[data-copy-status]');
  for (const pre of box.querySelectorAll<HTMLElement>('pre.cite-text')) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy-button no-print';
    b.textContent = box.dataset['copyLabel'] ?? 'Copy';
    b.addEventListener('click', () => {
      const say = (t: string | undefined) => {
        if (status) status.textContent = t ?? '';
      };
      navigator.clipboard.writeText(pre.textContent ?? '').then(
        () => say(box.dataset['copiedLabel']),
        () => say(box.dataset['copyFailedLabel']),
      );
    });
    pre.after(b);
  }
}
