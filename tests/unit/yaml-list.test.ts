import { describe, expect, it } from 'vitest';
import { parseYamlList } from '../../src/lib/yaml-list.ts';

const FILE = 'content/talk/screens.yaml';

describe('reading an editor\'s YAML list', () => {
  it('returns the entries in file order, with their place when asked', () => {
    const text = '# comment\n- id: b\n  title: ב\n- id: a\n  title: א\n';
    expect(parseYamlList(text, FILE)).toEqual([
      { id: 'b', title: 'ב' },
      { id: 'a', title: 'א' },
    ]);
    expect(parseYamlList(text, FILE, { positions: true }).map((e) => e['position'])).toEqual([1, 2]);
  });

  it('treats an empty file as an empty list', () => {
    expect(parseYamlList('# nothing yet\n', FILE)).toEqual([]);
  });

  it('names the file, the line and the id when an id is used twice', () => {
    const text = '- id: opening\n  title: א\n- id: next\n  title: ב\n- id: opening\n  title: ג\n';
    expect(() => parseYamlList(text, FILE)).toThrow(
      /^content\/talk\/screens\.yaml:5: field "id": "opening" is already the id of the entry at line 1/,
    );
  });

  it('compares ids as text, so "0" and 0 are the same id', () => {
    expect(() => parseYamlList('- id: "0"\n- id: 0\n', FILE)).toThrow(/:2: field "id": "0"/);
  });

  it('names the file, the line and the field when a field is written twice in one entry', () => {
    const text = '- id: complexity\n  label: א\n- id: brand\n  label: ב\n  label: ג\n';
    expect(() => parseYamlList(text, FILE)).toThrow(/^content\/talk\/screens\.yaml:5: the field "label" appears twice/);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseYamlList('- id: a\n  title: [unclosed\n', FILE)).toThrow(/^content\/talk\/screens\.yaml:\d+: this is not valid YAML/);
  });

  it('rejects a file that is not a list, and an entry that is not a set of fields', () => {
    expect(() => parseYamlList('id: a\ntitle: א\n', FILE)).toThrow(/expected a list of entries/);
    expect(() => parseYamlList('- id: a\n- just text\n', FILE)).toThrow(/screens\.yaml:2: each entry must be a set of fields/);
  });

  it('names the entry by number when the list is not written one entry per "- " line', () => {
    expect(() => parseYamlList('[{ id: a }, { id: a }]', FILE)).toThrow(/screens\.yaml, entry 2: field "id": "a" is already the id of the entry at entry 1/);
  });
});
