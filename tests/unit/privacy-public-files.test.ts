import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { CONTACT_EMAIL, SITE_URL, today } from '../../src/lib/settings.ts';

const DAY = 86_400_000;

/** RFC 9116 fields: "Name: value" lines; comments start with "#". */
function fields(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z-]+):\s*(.+)$/.exec(line.trim());
    if (!m || line.startsWith('#')) continue;
    out.set(m[1]!.toLowerCase(), [...(out.get(m[1]!.toLowerCase()) ?? []), m[2]!.trim()]);
  }
  return out;
}

describe('security.txt (RFC 9116)', () => {
  const text = fs.readFileSync('public/.well-known/security.txt', 'utf8');
  const f = fields(text);

  it('names the project contact, the languages and its canonical address', () => {
    expect(f.get('contact')).toContain(`mailto:${CONTACT_EMAIL}`);
    expect(f.get('preferred-languages')).toEqual(['de, en']);
    expect(f.get('canonical')).toEqual([`${SITE_URL}/.well-known/security.txt`]);
  });

  it('expires at most a year ahead and not within the next 30 days (renew it before)', () => {
    const expires = f.get('expires');
    expect(expires).toHaveLength(1);
    expect(expires![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/);
    const left = (Date.parse(expires![0]!) - Date.parse(`${today()}T00:00:00Z`)) / DAY;
    expect(
      left,
      `security.txt expires in ${Math.round(left)} days: set Expires to at most a year from today`,
    ).toBeGreaterThan(30);
    expect(left).toBeLessThanOrEqual(366);
  });

  it('has only fields RFC 9116 defines', () => {
    const known = [
      'acknowledgments',
      'canonical',
      'contact',
      'encryption',
      'expires',
      'hiring',
      'policy',
      'preferred-languages',
      'csaf',
    ];
    expect([...f.keys()].filter((k) => !known.includes(k))).toEqual([]);
  });
});

describe('host headers (public/_headers)', () => {
  const text = fs.readFileSync('public/_headers', 'utf8');
  const all = /^\/\*\n((?:[ \t]+.+\n)+)/m.exec(text)?.[1] ?? '';
  const header = (name: string) => new RegExp(`^\\s+${name}:\\s*(.+)$`, 'mi').exec(all)?.[1]?.trim();

  it('every page gets the header-only CSP directives and the security headers', () => {
    const csp = header('Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // The header must never loosen what the page's <meta> policy restricts.
    expect(csp).not.toMatch(/script-src|style-src|unsafe-/);
    expect(header('X-Content-Type-Options')).toBe('nosniff');
    expect(header('X-Frame-Options')).toBe('DENY');
    expect(header('Permissions-Policy')).toContain('camera=()');
  });

  it('the referrer policy header is the one the page layout sets in its <meta>', () => {
    const layout = fs.readFileSync('src/layouts/Base.astro', 'utf8');
    const meta = /<meta name="referrer" content="([^"]+)"/.exec(layout)?.[1];
    expect(meta).toBeDefined();
    expect(header('Referrer-Policy')).toBe(meta);
  });
});
