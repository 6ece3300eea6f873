/**
 * The contributor workflow works as documented: the guide's worked examples create valid files,
 * the scaffolder refuses what it must refuse, issue forms are valid, edit links point to real files,
 * and the corrections log is what the pages show.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runNew, eventIdFor, slugify } from '../../scripts/new.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { editUrl, issueUrl, mailUrl, viewUrl, ISSUE_TEMPLATES } from '../../src/lib/edit-links.ts';
import { changelog, changesOf, latestChange } from '../../src/lib/changelog.ts';
import { readContent } from '../../src/lib/content-files.ts';
import { eventSchema, sourceSchema } from '../../src/lib/schemas.ts';
import { CONTACT_EMAIL, REPO_BRANCH, REPO_URL } from '../../src/lib/settings.ts';

const TODAY = '2026-11-26';
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});
function tmpCopy(from: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kl-${name}-`));
  tmpDirs.push(dir);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
function quietIo(answers?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const queue = answers ? [...answers] : undefined;
  const asked: string[] = [];
  return {
    out,
    err,
    asked,
    io: {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      ask: queue
        ? async (q: string) => {
            asked.push(q);
            if (!queue.length) throw new Error(`unexpected question: ${q}`);
            return queue.shift()!;
          }
        : undefined,
    },
  };
}

/** `npm run new -- …` commands of a Markdown guide, as argument lists (quotes and line continuations resolved). */
function newCommands(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ' '));
  return (
    blocks
      .flatMap((b) => b.split('\n'))
      .filter((l) => l.trim().startsWith('npm run new -- '))
      // A shell word: unquoted runs and "quoted" runs, joined; the quotes themselves are dropped.
      .map((l) =>
        [
          ...l
            .trim()
            .slice('npm run new -- '.length)
            .matchAll(/(?:[^\s"]+|"[^"]*")+/g),
        ].map((m) => m[0].replace(/"/g, '')),
      )
  );
}

const guides = { en: fs.readFileSync('CONTRIBUTING.md', 'utf8'), de: fs.readFileSync('CONTRIBUTING.de.md', 'utf8') };

describe('contributor guide', () => {
  it('exists in English and German, and each links the other', () => {
    expect(guides.en).toContain('CONTRIBUTING.de.md');
    expect(guides.de).toContain('CONTRIBUTING.md');
  });

  for (const [lang, text] of Object.entries(guides)) {
    it(`${lang}: names the commands to add, check and preview content, and what CI checks`, () => {
      for (const s of [
        'npm run new -- event',
        'npm run new -- source',
        'npm run check:content',
        'npm run dev',
        'npm start',
        'npm run schemas',
        'docs/schema-reference.md',
        'yaml-language-server: $schema=',
        'redhat.vscode-yaml',
        '.github/workflows/ci.yml',
        CONTACT_EMAIL,
      ]) {
        expect(text, s).toContain(s);
      }
      for (const marker of ['`confirmed`', '`secondary`', '`inferred`']) expect(text).toContain(marker);
    });

    it(`${lang}: copies the naming and privacy rules`, () => {
      const flat = text.replace(/\s+/g, ' ');
      const must =
        lang === 'en'
          ? [
              'members of government',
              'journalists as authors of their own published work',
              'described by role, even where a newspaper printed the name',
              'Meeting links, meeting numbers, access codes',
              'participant lists of specific exposed meetings',
            ]
          : [
              'Mitglieder von Regierungen',
              'Autorinnen und Autoren ihrer eigenen',
              'über ihre Rolle beschrieben, auch wenn eine Zeitung den Namen gedruckt hat',
              'Meeting-Links, Meeting-Nummern, Zugangscodes',
              'Teilnehmerlisten einzelner offengelegter Meetings',
            ];
      for (const s of must) expect(flat, s).toContain(s);
    });

    it(`${lang}: every repository path the guide links to exists`, () => {
      const links = [...text.matchAll(/\]\(((?!https?:|#|mailto:)[^)]+)\)/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(3);
      for (const l of links) expect(fs.existsSync(l), l).toBe(true);
    });
  }

  it('the worked examples in both guides are the same commands', () => {
    expect(newCommands(guides.de)).toEqual(newCommands(guides.en));
  });

  it('the worked example event and source are valid and pass every content check', async () => {
    const root = tmpCopy('src/content', 'guide');
    // The guide's source exists in the register; remove it so the example recreates it.
    const existing = parse(fs.readFileSync(path.join(root, 'sources/src-dlf-2024-03-04.yaml'), 'utf8')) as unknown;
    fs.rmSync(path.join(root, 'sources/src-dlf-2024-03-04.yaml'));
    fs.rmSync(path.join(root, 'events/2024-03-04-spd-against-inquiry-committee.yaml'), { force: true });
    const cmds = newCommands(guides.en);
    const source = cmds.find((c) => c[0] === 'source')!;
    const event = cmds.find((c) => c[0] === 'event')!;
    for (const args of [source, event]) {
      const q = quietIo();
      const r = await runNew([...args, '--dir', root, '--today', TODAY], q.io);
      expect(r.code, q.err.join('\n')).toBe(0);
      expect(r.files).toHaveLength(1);
    }
    const written = fs.readFileSync(path.join(root, 'events/2024-03-04-spd-against-inquiry-committee.yaml'), 'utf8');
    // The file shown in the guide is exactly what the scaffolder writes.
    const shown = /```yaml\n# src\/content\/events\/2024-03-04-spd-against-inquiry-committee\.yaml\n([\s\S]*?)```/.exec(
      guides.en,
    )?.[1];
    expect(shown).toBe(written);
    expect(
      sourceSchema.parse(parse(fs.readFileSync(path.join(root, 'sources/src-dlf-2024-03-04.yaml'), 'utf8'))),
    ).toEqual(sourceSchema.parse(existing));
    const result = validateContent(root, { root, today: TODAY });
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.content.events.some((e) => e.id === '2024-03-04-spd-against-inquiry-committee')).toBe(true);
  });

  it('the correction example in the guide is a valid corrections entry', () => {
    const block = /```yaml\ncorrections:\n([\s\S]*?)```/.exec(guides.en)?.[0].replace(/```(yaml)?/g, '');
    const data = parse(block!) as { corrections: unknown[] };
    const event = parse(fs.readFileSync('src/content/events/2024-02-19-luftwaffe-webex-call.yaml', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(eventSchema.safeParse({ ...event, corrections: data.corrections }).success).toBe(true);
  });
});

describe('npm run new', () => {
  const fixture = path.resolve('tests/fixtures/mistakes/valid');
  const eventArgs = [
    'event',
    '--incident',
    'example-leak-2024',
    '--date',
    '2024-03-06',
    '--slug',
    'follow-up',
    '--type',
    'media-report',
    '--title-de',
    'Nachbericht',
    '--title-en',
    'Follow-up',
    '--summary-de',
    'Die Zeitung berichtete nach.',
    '--summary-en',
    'The paper followed up.',
    '--source',
    'src-example-report',
  ];

  it('writes an event with the id yyyy-mm-dd-slug that passes validation, and prints its path', async () => {
    const root = tmpCopy(fixture, 'new-event');
    const q = quietIo();
    const r = await runNew([...eventArgs, '--dir', root], q.io);
    expect(r.code, q.err.join('\n')).toBe(0);
    expect(q.out).toEqual([path.join(root, 'events/2024-03-06-follow-up.yaml')]);
    expect(validateContent(root, { root, today: TODAY }).problems.map(formatProblem)).toEqual([]);
  });

  it('refuses to overwrite an existing file and leaves it unchanged', async () => {
    const root = tmpCopy(fixture, 'new-overwrite');
    const target = path.join(root, 'events/2024-03-05-example-statement.yaml');
    const before = fs.readFileSync(target, 'utf8');
    const q = quietIo();
    const r = await runNew(
      [
        ...eventArgs.map((a) => (a === '2024-03-06' ? '2024-03-05' : a === 'follow-up' ? 'example-statement' : a)),
        '--dir',
        root,
      ],
      q.io,
    );
    expect(r.code).toBe(1);
    expect(q.err.join('\n')).toContain('refusing to overwrite');
    expect(fs.readFileSync(target, 'utf8')).toBe(before);
  });

  it('without a terminal, lists every missing field as a flag and writes nothing', async () => {
    const root = tmpCopy(fixture, 'new-missing');
    const q = quietIo();
    const r = await runNew(['event', '--dir', root, '--incident', 'example-leak-2024'], q.io);
    expect(r.code).toBe(2);
    const msg = q.err.join('\n');
    for (const f of ['--date', '--slug', '--type', '--title-de', '--summary-en', '--source'])
      expect(msg).toContain(`${f}: missing`);
    expect(fs.readdirSync(path.join(root, 'events'))).toEqual(['2024-03-05-example-statement.yaml']);
  });

  it('rejects a value outside a closed list before writing, naming the allowed values', async () => {
    const root = tmpCopy(fixture, 'new-enum');
    const q = quietIo();
    const r = await runNew([...eventArgs.map((a) => (a === 'media-report' ? 'press' : a)), '--dir', root], q.io);
    expect(r.code).toBe(2);
    expect(q.err.join('\n')).toMatch(/--type: allowed one of incident, .*media-report.* \(found "press"\)/);
  });

  it('writes nothing when the result would break a rule, and shows what it would have written', async () => {
    const root = tmpCopy(fixture, 'new-dangling');
    const q = quietIo();
    const r = await runNew(
      [...eventArgs.map((a) => (a === 'src-example-report' ? 'src-nowhere' : a)), '--dir', root],
      q.io,
    );
    expect(r.code).toBe(1);
    expect(q.err.join('\n')).toContain('integrity/dangling-reference');
    expect(q.err.join('\n')).toContain('- source: src-nowhere');
    expect(fs.existsSync(path.join(root, 'events/2024-03-06-follow-up.yaml'))).toBe(false);
  });

  it('in a terminal, asks for each field, repeats a question after an invalid answer, and writes a valid source', async () => {
    const root = tmpCopy(fixture, 'new-ask');
    const answers = [
      'Example Gazette',
      'A second report',
      'https://www.example.org/news/second',
      '',
      'newspaper',
      'news-article',
      '2024-03-07',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const q = quietIo(answers);
    const r = await runNew(['source', '--dir', root, '--today', TODAY], q.io);
    expect(r.code, q.err.join('\n')).toBe(0);
    expect(q.err.join('\n')).toContain('allowed: one of news-article');
    expect(r.files[0]).toBe(path.join(root, 'sources/src-example-gazette-2024-03-07.yaml'));
    const data = sourceSchema.parse(parse(fs.readFileSync(r.files[0]!, 'utf8')));
    expect(data).toMatchObject({
      publisher: 'Example Gazette',
      language: 'de',
      kind: 'news-article',
      retrieved: TODAY,
      reliability: ['original'],
    });
    expect(validateContent(root, { root, today: TODAY }).errors.map(formatProblem)).toEqual([]);
  });

  it('creates an incident folder with incident.yaml and both narratives, valid together', async () => {
    const root = tmpCopy(fixture, 'new-incident');
    const q = quietIo();
    const r = await runNew(
      [
        'incident',
        '--dir',
        root,
        '--today',
        TODAY,
        '--id',
        'second-leak-2024',
        '--title-de',
        'Zweites Leck',
        '--title-en',
        'Second leak',
        '--summary-de',
        'Ein zweites erfundenes Leck.',
        '--summary-en',
        'A second made-up leak.',
        '--start',
        '2024-05',
        '--countries',
        'DE,NL',
      ],
      q.io,
    );
    expect(r.code, q.err.join('\n')).toBe(0);
    expect(fs.readdirSync(path.join(root, 'incidents/second-leak-2024')).sort()).toEqual([
      'de.mdx',
      'en.mdx',
      'incident.yaml',
    ]);
    const result = validateContent(root, { root, today: TODAY });
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.content.narratives.map((n) => n.id)).toContain('second-leak-2024/en');
  });

  it('makes event ids with 00 for a missing month or day, and slugs from free text', () => {
    expect(eventIdFor('2024-05', 'links-open')).toBe('2024-05-00-links-open');
    expect(eventIdFor('2024', 'x')).toBe('2024-00-00-x');
    expect(slugify('Bundesamt für Sicherheit – Straße')).toBe('bundesamt-fur-sicherheit-strasse');
  });
});

describe('suggest-a-correction links', () => {
  it('edit links open the exact file on the configured branch', () => {
    expect(editUrl('src/content/events/2024-02-19-luftwaffe-webex-call.yaml')).toBe(
      `${REPO_URL}/edit/${REPO_BRANCH}/src/content/events/2024-02-19-luftwaffe-webex-call.yaml`,
    );
    expect(viewUrl('CONTRIBUTING.md')).toBe(`${REPO_URL}/blob/${REPO_BRANCH}/CONTRIBUTING.md`);
  });

  it('every content entry has an edit link that points to a file that exists in the repository', () => {
    const { content } = readContent(path.resolve('src/content'));
    let n = 0;
    for (const list of Object.values(content)) {
      for (const e of list) {
        const url = editUrl(e.file);
        const prefix = `${REPO_URL}/edit/${REPO_BRANCH}/`;
        expect(url.startsWith(prefix)).toBe(true);
        const file = decodeURIComponent(url.slice(prefix.length));
        expect(fs.existsSync(file), file).toBe(true);
        expect(path.isAbsolute(file)).toBe(false);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('the issue link names an existing form and prefills its page field and the title', () => {
    const url = new URL(
      issueUrl({ template: 'correction.yml', page: 'https://konferenzleck.org/de/events/x/', title: 'Korrektur: X' }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${REPO_URL}/issues/new`);
    expect(url.searchParams.get('template')).toBe('correction.yml');
    expect(url.searchParams.get('page')).toBe('https://konferenzleck.org/de/events/x/');
    expect(url.searchParams.get('title')).toBe('Korrektur: X');
    for (const t of ISSUE_TEMPLATES) {
      const form = parse(fs.readFileSync(`.github/ISSUE_TEMPLATE/${t}`, 'utf8')) as { body: { id?: string }[] };
      expect(
        form.body.some((b) => b.id === 'page'),
        `${t} has a "page" field to prefill`,
      ).toBe(true);
    }
  });

  it('the mail link goes to the one contact address with the page in the subject', () => {
    expect(mailUrl({ subject: 'Korrektur', page: 'https://konferenzleck.org/de/' })).toBe(
      `mailto:${CONTACT_EMAIL}?subject=${encodeURIComponent('Korrektur: https://konferenzleck.org/de/')}`,
    );
  });
});

describe('issue forms', () => {
  const dir = '.github/ISSUE_TEMPLATE';
  const forms = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml') && f !== 'config.yml')
    .sort();
  const REQUIRED: Record<string, string[]> = {
    'correction.yml': ['page', 'claim', 'correction', 'privacy'],
    'new-event.yml': ['page', 'date', 'claim', 'source-url', 'privacy'],
    'new-source.yml': ['source-url', 'publisher', 'page', 'claim', 'privacy'],
  };

  it('there is a form for a correction, a new event and a new source', () => {
    expect(forms).toEqual([...ISSUE_TEMPLATES].sort());
  });

  for (const f of forms) {
    it(`${f} has the shape GitHub issue forms require`, () => {
      const form = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        name: string;
        description: string;
        body: {
          type: string;
          id?: string;
          attributes: { label?: string; value?: string; options?: unknown[] };
          validations?: { required?: boolean };
        }[];
      };
      expect(typeof form.name).toBe('string');
      expect(form.name.length).toBeGreaterThan(0);
      expect(typeof form.description).toBe('string');
      expect(Array.isArray(form.body)).toBe(true);
      const ids = new Set<string>();
      for (const el of form.body) {
        expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(el.type);
        expect(typeof el.attributes).toBe('object');
        if (el.type === 'markdown') {
          expect(typeof el.attributes.value).toBe('string');
          continue;
        }
        expect(el.id, `${f}: every field has an id`).toMatch(/^[\w-]+$/);
        expect(ids.has(el.id!), `${f}: id ${el.id} is unique`).toBe(false);
        ids.add(el.id!);
        expect(typeof el.attributes.label, `${f}: ${el.id} has a label`).toBe('string');
        if (el.type === 'dropdown' || el.type === 'checkboxes')
          expect((el.attributes.options ?? []).length).toBeGreaterThan(0);
      }
      for (const id of REQUIRED[f] ?? []) {
        const el = form.body.find((b) => b.id === id);
        expect(el, `${f}: field ${id}`).toBeDefined();
        const required =
          el!.type === 'checkboxes'
            ? (el!.attributes.options as { required?: boolean }[]).every((o) => o.required === true)
            : el!.validations?.required === true;
        expect(required, `${f}: ${id} is required`).toBe(true);
      }
    });

    it(`${f} warns never to post leaked data, meeting links or personal details, and offers the contact address`, () => {
      const form = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        body: { type: string; attributes: { value?: string } }[];
      };
      const first = form.body[0]!;
      expect(first.type).toBe('markdown');
      for (const s of [
        'Never post leaked data, meeting links',
        'personal details',
        'Posten Sie hier niemals geleakte Daten',
        CONTACT_EMAIL,
      ])
        expect(first.attributes.value).toContain(s);
    });
  }

  it('blank issues are off, and the contact link explains the e-mail route', () => {
    const config = parse(fs.readFileSync(path.join(dir, 'config.yml'), 'utf8')) as {
      blank_issues_enabled: boolean;
      contact_links: { name: string; url: string; about: string }[];
    };
    expect(config.blank_issues_enabled).toBe(false);
    expect(config.contact_links[0]!.url).toMatch(/^https:\/\//);
    expect(config.contact_links[0]!.about).toContain(CONTACT_EMAIL);
  });

  it('the pull-request template has a checklist covering sources, naming, privacy and the content check', () => {
    const t = fs.readFileSync('.github/PULL_REQUEST_TEMPLATE.md', 'utf8');
    expect((t.match(/^- \[ \]/gm) ?? []).length).toBeGreaterThanOrEqual(5);
    for (const s of ['source', 'naming rules', 'meeting links', 'corrections:', 'npm run check:content'])
      expect(t).toContain(s);
  });
});

describe('corrections log', () => {
  const c = (date: string, what: string, kind?: 'correction' | 'update' | 'withdrawal') => ({
    date,
    kind,
    what: { de: what, en: what },
    why: { de: 'w', en: 'w' },
  });
  const input = {
    incidents: [
      {
        id: 'a-2024',
        data: { title: { de: 'A', en: 'A' }, corrections: [c('2026-01-02', 'a1'), c('2026-03-01', 'a2', 'update')] },
      },
    ],
    events: [
      {
        id: '2024-03-05-e',
        data: { incident: 'a-2024', title: { de: 'E', en: 'E' }, corrections: [c('2026-02-01', 'e1', 'withdrawal')] },
      },
      { id: '2024-03-06-f', data: { incident: 'a-2024', title: { de: 'F', en: 'F' } } },
    ],
  };

  it('collects the corrections of incidents and events, newest first, with kind, target, page and anchor', () => {
    const log = changelog(input);
    expect(log.map((e) => e.what.en)).toEqual(['a2', 'e1', 'a1']);
    expect(log[0]).toMatchObject({
      kind: 'update',
      target: { kind: 'incident', id: 'a-2024' },
      path: '/incidents/a-2024/',
      anchor: 'correction-incident-a-2024-2',
      sources: [],
    });
    expect(log[1]).toMatchObject({
      kind: 'withdrawal',
      target: { kind: 'event', id: '2024-03-05-e' },
      incident: 'a-2024',
      path: '/events/2024-03-05-e/',
    });
    expect(log[2]!.kind).toBe('correction');
    expect(latestChange(log)).toBe('2026-03-01');
  });

  it('on one day, the later correction of an entry comes first and incidents before events', () => {
    const log = changelog({
      incidents: [
        {
          id: 'b',
          data: { title: { de: 'B', en: 'B' }, corrections: [c('2026-05-05', 'first'), c('2026-05-05', 'second')] },
        },
      ],
      events: [{ id: '2024-01-01-x', data: { title: { de: 'X', en: 'X' }, corrections: [c('2026-05-05', 'event')] } }],
    });
    expect(log.map((e) => e.what.en)).toEqual(['second', 'first', 'event']);
  });

  it('changesOf returns the changes of one entry, from the content or from a log already built', () => {
    expect(changesOf(input, 'incident', 'a-2024').map((e) => e.what.en)).toEqual(['a2', 'a1']);
    expect(changesOf(changelog(input), 'event', '2024-03-05-e').map((e) => e.what.en)).toEqual(['e1']);
    expect(changesOf(input, 'event', '2024-03-06-f')).toEqual([]);
  });

  it('every change in the register points to an existing entry and cites existing sources', () => {
    const { content } = readContent(path.resolve('src/content'));
    const log = changelog(content as never);
    const ids = new Set([...content.incidents, ...content.events].map((e) => e.id));
    const sources = new Set(content.sources.map((s) => s.id));
    for (const e of log) {
      expect(ids.has(e.target.id)).toBe(true);
      for (const s of e.sources) expect(sources.has(s.source)).toBe(true);
    }
  });

  it('the corrections policy exists in both languages and says how a named person can object', () => {
    for (const lang of ['de', 'en']) {
      const text = fs.readFileSync(`src/content/about/corrections-policy/${lang}.mdx`, 'utf8');
      expect(text).toMatch(/^---\ntitle: .+\ndescription: .+\nupdated: 2026-11-26\n---\n/);
      expect(text).toContain(`mailto:${CONTACT_EMAIL}`);
      expect(text).toContain(lang === 'en' ? '## If you are named' : '## Wenn Sie genannt werden');
    }
    const { content } = readContent(path.resolve('src/content'));
    expect(content.about.map((a) => a.id)).toEqual(
      expect.arrayContaining(['corrections-policy/de', 'corrections-policy/en']),
    );
  });
});
