/**
 * Reading an editor's YAML list (content/checklist/*.yaml, content/talk/screens.yaml, ...) with the
 * mistakes an editor makes named by file, line and field. Pure: text in, entries or an Error out.
 *
 * Astro's own `file()` parsing lets a repeated key or a repeated `id` pass: the last one wins, an
 * entry silently disappears, and the error (if any) shows up later and elsewhere ("the question
 * "complexity" is missing"). Here both stop the build where the editor made them.
 */
import { load, YAMLException } from 'js-yaml';

export interface YamlListOptions {
  /** Record each entry's 1-based place in the file as `position` (for lists whose order matters). */
  readonly positions?: boolean;
}

/** The 1-based line on which each top-level `- ` entry of a block list starts. */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^-(\s|$)/.test(line)) lines.push(i + 1);
  });
  return lines;
}

/**
 * Parses `text` (the file `file`) as a list of entries, each a mapping with a unique `id`.
 * Throws an Error naming the file, the line and the field for: invalid YAML, a key repeated in one
 * entry, a file that is not a list, an entry that is not a mapping, and an id used twice.
 */
export function parseYamlList(text: string, file: string, options: YamlListOptions = {}): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = load(text, { filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      const where = line === undefined ? file : `${file}:${line}`;
      const duplicate = /duplicated mapping key/.test(error.reason)
        ? /^\s*-?\s*([^:\s]+)\s*:/.exec(text.split(/\r?\n/)[(line ?? 1) - 1] ?? '')?.[1]
        : undefined;
      throw new Error(
        duplicate
          ? `${where}: the field "${duplicate}" appears twice in the same entry; keep one.`
          : `${where}: this is not valid YAML (${error.reason}).`,
      );
    }
    throw error;
  }
  if (data == null) return [];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of entries, each starting with "- id: ..."`);

  const lines = entryLines(text);
  const lineOf = (i: number) => (lines.length === data.length ? lines[i] : undefined);
  const at = (i: number) => (lineOf(i) === undefined ? `${file}, entry ${i + 1}` : `${file}:${lineOf(i)}`);
  const seen = new Map<string, number>();
  return data.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new Error(`${at(i)}: each entry must be a set of fields ("id: ...", ...), not ${JSON.stringify(entry)}`);
    }
    const id = (entry as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') {
      const key = String(id);
      const first = seen.get(key);
      if (first !== undefined) {
        throw new Error(
          `${at(i)}: field "id": "${key}" is already the id of the entry at ${lineOf(first) === undefined ? `entry ${first + 1}` : `line ${lineOf(first)}`}; every id must be unique (links and QR codes point at it).`,
        );
      }
      seen.set(key, i);
    }
    return options.positions ? { ...entry, position: i + 1 } : { ...entry };
  });
}
