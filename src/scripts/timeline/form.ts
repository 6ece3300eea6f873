/** The filter form ⇄ filter state, and the per-value counts shown beside each checkbox. */
import { FACETS, emptyState, parseQuery, type FilterState } from '../../lib/timeline/state.ts';
import { isValidIsoDate } from '../../lib/dates.ts';
import type { FacetCounts } from '../../lib/timeline/filter.ts';

export function readForm(form: HTMLFormElement): FilterState {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') p.append(k, v);
  // A half-typed date is not applied (and is marked invalid) rather than rejected as a whole.
  for (const side of ['from', 'to'] as const) {
    const v = (p.get(side) ?? '').trim();
    const input = form.elements.namedItem(side);
    if (input instanceof HTMLInputElement) input.setAttribute('aria-invalid', String(v !== '' && !isValidIsoDate(v)));
    if (v !== '' && !isValidIsoDate(v)) p.delete(side);
  }
  return parseQuery(p).state;
}

/** Sets every control from the state; values the form does not offer get a checkbox of their own. */
export function writeForm(form: HTMLFormElement, state: FilterState): void {
  for (const f of FACETS) {
    const group = form.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${f}"]`);
    const wanted = new Set(state[f]);
    const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${f}"]`)];
    for (const b of boxes) b.checked = wanted.has(b.value);
    const offered = new Set(boxes.map((b) => b.value));
    const details = group?.querySelector('details');
    if (details && wanted.size > 0) details.open = true;
    const list = group?.querySelector('ul');
    for (const v of wanted) {
      if (offered.has(v) || !list) continue;
      const box = Object.assign(document.createElement('input'), {
        type: 'checkbox',
        name: f,
        value: v,
        checked: true,
      });
      const label = document.createElement('label');
      const text = Object.assign(document.createElement('span'), { className: 'tl-label', textContent: v });
      const count = Object.assign(document.createElement('span'), { className: 'tl-count', textContent: '(0)' });
      label.append(box, ' ', text, ' ', count);
      const li = document.createElement('li');
      li.append(label);
      list.append(li);
      slots.delete(form);
    }
  }
  for (const k of ['from', 'to', 'q'] as const) {
    const input = form.elements.namedItem(k);
    if (input instanceof HTMLInputElement) {
      input.value = state[k];
      input.removeAttribute('aria-invalid');
    }
  }
}

export function clearForm(form: HTMLFormElement): FilterState {
  const s = emptyState();
  writeForm(form, s);
  return s;
}

interface CountSlot {
  facet: (typeof FACETS)[number];
  value: string;
  out: Element | null | undefined;
  item: Element | null | undefined;
  /** The count on the page now (-1: unknown), and whether the item is marked as empty. */
  shown: number;
  zero: boolean;
}
/** The count elements of a form's checkboxes, found once (and again when writeForm adds boxes). */
const slots = new WeakMap<HTMLFormElement, CountSlot[]>();

export function writeCounts(form: HTMLFormElement, counts: FacetCounts): void {
  let list = slots.get(form);
  if (!list) {
    list = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((box) => {
      const label = box.closest('label');
      const out = label?.querySelector('.tl-count');
      const item = label?.parentElement;
      const m = /^\((\d+)\)$/.exec(out?.textContent ?? '');
      return {
        facet: box.name as (typeof FACETS)[number],
        value: box.value,
        out,
        item,
        shown: m ? Number(m[1]) : -1,
        zero: item?.classList.contains('tl-zero') ?? false,
      };
    });
    slots.set(form, list);
  }
  // Only what changed is written: hundreds of boxes, most keep their count.
  for (const slot of list) {
    const n = counts[slot.facet]?.get(slot.value) ?? 0;
    if (n !== slot.shown) {
      if (slot.out) slot.out.textContent = `(${n})`;
      slot.shown = n;
    }
    if ((n === 0) !== slot.zero) {
      slot.item?.classList.toggle('tl-zero', n === 0);
      slot.zero = n === 0;
    }
  }
}
