/** Which events a printed brief lists: all when few, else the first and the latest ones. Pure. */
export const BRIEF_MAX_EVENTS = 10;

export function briefEvents<T>(events: readonly T[], max = BRIEF_MAX_EVENTS): T[] {
  if (events.length <= max) return [...events];
  const head = Math.ceil(max / 2);
  return [...events.slice(0, head), ...events.slice(events.length - (max - head))];
}

/** Reported figures a brief lists at most (the rest are on the incident page). */
export const BRIEF_MAX_FIGURES = 8;
