/**
 * `npx tsx scripts/hash-name.ts "Given Surname" [--surname] [--note "…"] [--dry-run]`
 *
 * Adds a protected person to `privacy/protected-names.yaml` without writing the name into the
 * repository: the name is normalised (lowercase; diacritics folded ä→ae and stripped ä→a) and only
 * the salted SHA-256 hashes of those forms are stored. `--surname` also adds the last word alone,
 * so "Brigadegeneral <Surname>" is caught too. The note says who is protected and why, never the name.
 * (The name stays in your shell history: clear it if that matters on your machine.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, YAMLSeq } from 'yaml';
import { nameHashes, nameTokens, parseNameList } from '../src/lib/privacy-scan.ts';

const FILE = path.resolve('privacy/protected-names.yaml');

function usage(msg?: string): never {
  if (msg) console.error(`error: ${msg}`);
  console.error(
    'usage: npx tsx scripts/hash-name.ts "Given Surname" [--surname] [--note "who and why, without the name"] [--dry-run]',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let note: string | undefined;
let surname = false;
let dry = false;
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--surname') surname = true;
  else if (a === '--dry-run') dry = true;
  else if (a === '--note') note = args[++i] ?? usage('--note needs a text');
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else names.push(a);
}
if (names.length !== 1) usage('give exactly one name in quotes');
const name = names[0]!;

const text = fs.readFileSync(FILE, 'utf8');
const list = parseNameList(text, path.relative(process.cwd(), FILE));
const forms = [name];
if (surname) {
  const words = nameTokens(name);
  if (words.length < 2) usage('--surname needs a name of two words');
  forms.push(words[words.length - 1]!.word);
}
let hashes: string[];
try {
  hashes = [...new Set(forms.flatMap((f) => nameHashes(list.salt, f)))];
} catch (e) {
  usage((e as Error).message);
}
const fresh = hashes.filter((h) => !list.hashes.has(h));
if (fresh.length === 0) {
  console.log('already protected: every form of this name is in the list');
  process.exit(0);
}
const today = new Date().toISOString().slice(0, 10);
const entryNote = note ?? `protected person added ${today}${surname ? ' (full name and surname)' : ''}`;
if (dry) {
  console.log(`would add ${fresh.length} hash(es) with note "${entryNote}":\n${fresh.join('\n')}`);
  process.exit(0);
}
const doc = parseDocument(text);
const seq = doc.get('names', true);
if (!(seq instanceof YAMLSeq)) usage(`${FILE}: names is not a list`);
seq.flow = false; // block style, one hash a line, however the file started
const node = doc.createNode({ note: entryNote, added: today, hashes: fresh });
seq.add(node);
fs.writeFileSync(FILE, doc.toString({ lineWidth: 0 }));
console.log(`added ${fresh.length} hash(es) to ${path.relative(process.cwd(), FILE)} (note: "${entryNote}")`);
