// Every locale says everything English says, with the same placeholders. A key added to English without its
// translations fails here, naming the locale and every missing key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const dir = fileURLToPath(new URL('../../_locales/', import.meta.url));
const read = (locale: string): Record<string, Entry> => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8'));
const en = read('en');
const locales = readdirSync(dir).filter((l) => l !== 'en');

/** `$1`…`$9` and named `$NAME$` placeholders, as one sorted list (`$$` is a literal dollar). */
function placeholders(entry: Entry): string[] {
  const text = entry.message.replaceAll('$$', '');
  const numbered = [...text.matchAll(/\$([1-9])(?![A-Za-z0-9_@]*\$)/g)].map((m) => `$${m[1]}`);
  const named = [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => `$${m[1]!.toLowerCase()}$`);
  return [...new Set([...numbered, ...named])].sort();
}

describe('_locales', () => {
  it('has German and Japanese besides English', () => {
    expect(locales.sort()).toEqual(expect.arrayContaining(['de', 'ja']));
  });

  describe.each(locales)('%s', (locale) => {
    const messages = read(locale);

    it('translates every English message', () => {
      const missing = Object.keys(en).filter((key) => !Object.hasOwn(messages, key));
      expect(missing, `${locale} lacks ${missing.length} message(s): translate them in _locales/${locale}/messages.json`).toEqual([]);
    });

    it('has no message English does not have', () => {
      expect(Object.keys(messages).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    });

    it('uses the same placeholders as English, with the same named placeholder contents', () => {
      for (const [key, entry] of Object.entries(messages)) {
        const original = en[key];
        if (original === undefined) continue;
        expect(entry.message.trim().length, `${locale}/${key} is empty`).toBeGreaterThan(0);
        expect(placeholders(entry), `${locale}/${key}`).toEqual(placeholders(original));
        const contents = (e: Entry) => Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
        expect(contents(entry), `${locale}/${key} placeholders`).toEqual(contents(original));
      }
    });

    it('keeps the store description within Chrome\'s 132 characters', () => {
      expect(messages.extensionDescription?.message.length).toBeLessThanOrEqual(132);
    });
  });
});
