import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { ANSWER_KEYS, RECOMMENDATIONS } from './lib/checklist-rule.ts';
import { RISK_IDS, SECTION_IDS } from './lib/contract.ts';
import { SECTION_ID_PATTERN } from './lib/section-marker.ts';
import { parseYamlList, type YamlListOptions } from './lib/yaml-list.ts';

/**
 * Everything under content/ is data that editors own. Each schema names its fields so that a
 * malformed file fails the build with the file and the field, never with a broken page.
 */

/**
 * An editor's YAML list, read by src/lib/yaml-list.ts so that a repeated key or a repeated id stops
 * the build with the file and the line (Astro's own parsing keeps the last one silently). With
 * `positions`, each entry's place in the file is recorded as `position`: collections come back
 * sorted by id, and for the talk and the workshop flow editors reorder by moving entries.
 */
function yamlList(path: string, options: YamlListOptions = {}): Loader {
  const name = path.replace(/^\.\//, '');
  const inner = file(path, { parser: (text) => parseYamlList(text, name, options) });
  return {
    name: 'yaml-list',
    // Read once here, outside file()'s own try/catch: it logs a parser error and carries on with an
    // empty collection, which then fails elsewhere with a misleading message.
    load: async (context) => {
      parseYamlList(await readFile(new URL(path, context.config.root), 'utf8'), name, options);
      return inner.load(context);
    },
  };
}

/** A list of entries with ids, none of which may repeat (editors' links and ticks rely on them). */
const uniqueIds = <T extends { id: string }>(list: readonly T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `the id "${entry.id}" is used twice in this list` });
    seen.add(entry.id);
  });
};

const slug = z.string().regex(SECTION_ID_PATTERN, 'use lower-case ASCII words joined by hyphens');
const hebrew = (max: number) => z.string().trim().min(1).max(max);

/** A page of the guide: content/guide/<slug>.mdx; the file name is its URL, /guide/<slug>/. */
const guide = defineCollection({
  loader: glob({ base: './content/guide', pattern: '**/*.mdx' }),
  schema: z.strictObject({
    /** The page's title, rendered as its only h1. Required. */
    title: hebrew(90).describe("The page's title, rendered as its only h1. Required."),
    /** One sentence for search engines and link previews. Required, at most 160 characters. */
    description: hebrew(160).describe('One sentence for search engines and link previews. Required, at most 160 characters.'),
    /** Position in the guide, 1 first; prev/next and the navigation follow it. Required, unique. */
    order: z.number().int().positive().describe('Position in the guide, 1 first; prev/next and the navigation follow it. Required, unique.'),
    /** Short label for the guide navigation. Required, at most 28 characters. */
    navLabel: hebrew(28).describe('Short label for the guide navigation. Required, at most 28 characters.'),
  }),
});

/** The six checklist questions, content/checklist/questions.yaml, keyed by the contract's keys. */
const questions = defineCollection({
  loader: yamlList('./content/checklist/questions.yaml'),
  schema: z.strictObject({
    /** The contract key in the checklist URL (complexity, brand, ...). */
    id: z.enum(ANSWER_KEYS).describe('The contract key in the checklist URL (complexity, brand, ...).'),
    /** A short name for the question, used in the result and in notices (e.g. "מורכבות המוצר"). */
    label: hebrew(40).describe('A short name for the question, used in the result and in notices (e.g. "מורכבות המוצר").'),
    /** The question, one line, addressed to the reader. */
    question: hebrew(140).describe('The question, one line, addressed to the reader.'),
    /** Why it matters, in the article's words: one or two sentences. */
    explanation: hebrew(400).describe("Why it matters, in the article's words: one or two sentences."),
    /** The guide section the question comes from (a contract section id). */
    section: z.enum(SECTION_IDS).describe('The guide section the question comes from (a contract section id).'),
  }),
});

/** The answer scale, content/checklist/scale.yaml: ids "0", "1", "2". */
const scale = defineCollection({
  loader: yamlList('./content/checklist/scale.yaml'),
  schema: z.strictObject({
    /** The value in the URL: "0", "1" or "2". */
    id: z.enum(['0', '1', '2']).describe('The value in the URL: "0", "1" or "2".'),
    /** The answer's label. */
    label: hebrew(30).describe("The answer's label."),
    /** A few words that make the label concrete. */
    hint: hebrew(60).describe('A few words that make the label concrete.'),
  }),
});

/** What each recommendation means, content/checklist/outcomes.yaml. */
const outcomes = defineCollection({
  loader: yamlList('./content/checklist/outcomes.yaml'),
  schema: z.strictObject({
    /** in-house, outsource or hybrid. */
    id: z.enum(RECOMMENDATIONS).describe('in-house, outsource or hybrid.'),
    /** The recommendation as a headline. */
    title: hebrew(90).describe('The recommendation as a headline.'),
    /** Two sentences on what it means. */
    summary: hebrew(400).describe('Two sentences on what it means.'),
    /** What it means in practice, as short bullets. */
    practice: z.array(hebrew(200)).min(1).max(6).describe('What it means in practice, as short bullets.'),
  }),
});

/** The four HR-control risks and their mitigations, content/checklist/risks.yaml. */
const risks = defineCollection({
  loader: yamlList('./content/checklist/risks.yaml'),
  schema: z.strictObject({
    /** The risk's contract section id. */
    id: z.enum(RISK_IDS).describe("The risk's contract section id."),
    /** The risk's name. */
    title: hebrew(90).describe("The risk's name."),
    /** One sentence from the article. */
    summary: hebrew(300).describe('One sentence from the article.'),
    /** Concrete actions HR keeps; each id is stable so ticks remembered on a device survive edits. */
    mitigations: z
      .array(
        z.strictObject({
          /** Stable id within the risk. */
          id: slug.describe('Stable id within the risk.'),
          /** The action. */
          text: hebrew(240).describe('The action.'),
        }),
      )
      .min(1)
      .max(6)
      .superRefine(uniqueIds)
      .describe('Concrete actions HR keeps; each id is stable so ticks remembered on a device survive edits.'),
  }),
});

/** One answer: 0 = not at all, 1 = partly, 2 = strongly. */
const score = z.union([z.literal(0), z.literal(1), z.literal(2)]).describe('0 = not at all, 1 = partly, 2 = strongly.');

/** Workshop case scenarios, content/checklist/cases.yaml: each opens the checklist pre-filled. */
const cases = defineCollection({
  loader: yamlList('./content/checklist/cases.yaml'),
  schema: z.strictObject({
    /** Stable ASCII id, used in links. */
    id: slug.describe('Stable ASCII id, used in links.'),
    /** The (fictional) company. */
    name: hebrew(60).describe('The (fictional) company.'),
    /** Its sector, a few words. */
    sector: hebrew(60).describe('Its sector, a few words.'),
    /** The situation a group discusses: two or three sentences. */
    description: hebrew(500).describe('The situation a group discusses: two or three sentences.'),
    /** The six answers, 0..2 each; every key of the contract, no other. */
    answers: z
      .strictObject(
        Object.fromEntries(ANSWER_KEYS.map((key) => [key, score])) as Record<(typeof ANSWER_KEYS)[number], typeof score>,
      )
      .describe('The six answers, 0..2 each; every key of the contract, no other.'),
    /** The result the rule gives; the build checks it, so a case never teaches the wrong answer. */
    expected: z.enum(RECOMMENDATIONS).describe('The result the rule gives; the build checks it, so a case never teaches the wrong answer.'),
  }),
});

/** The talk's screens, content/talk/screens.yaml, in the order they are presented. */
const talk = defineCollection({
  loader: yamlList('./content/talk/screens.yaml', { positions: true }),
  schema: z.strictObject({
    /** The screen's place in the talk: set from the file's order by the loader, not written by editors. */
    position: z.number().int().positive().describe("The screen's place in the talk: set from the file's order by the loader, not written by editors."),
    /** Stable ASCII id of the screen. */
    id: slug.describe('Stable ASCII id of the screen.'),
    /** The guide section the screen comes from; omitted for the opening and closing screens. */
    section: z.enum(SECTION_IDS).optional().describe('The guide section the screen comes from; omitted for the opening and closing screens.'),
    /**
     * Where the link of a screen without a `section` leads: `checklist` for /checklist/; left out,
     * the guide's first page. Not with `section` (the link then leads to the section).
     */
    leadsTo: z.literal('checklist').optional().describe("Where the link of a screen without a `section` leads: `checklist` for /checklist/; left out, the guide's first page. Not with `section` (the link then leads to the section)."),
    /** A few words, shown in big type. */
    title: hebrew(80).describe('A few words, shown in big type.'),
    /** One to three short lines drawn from the section. */
    lines: z.array(hebrew(140)).min(1).max(3).describe('One to three short lines drawn from the section.'),
    /**
     * For the speaker only: shown in the presenter view (/talk/presenter/) and its printed script,
     * never on the projected screen or in search. Drawn from the article, no stronger than it.
     */
    notes: z.strictObject({
      /** What to say: the screen's point in two to four sentences. */
      say: hebrew(600).describe("What to say: the screen's point in two to four sentences."),
      /** The one example to give. */
      example: hebrew(400).describe('The one example to give.'),
      /** The question to ask the room. */
      ask: hebrew(250).describe('The question to ask the room.'),
    }).describe('For the speaker only: shown in the presenter view and its printed script, never on the projected screen or in search.'),
  }).refine((screen) => !(screen.section && screen.leadsTo), {
    path: ['leadsTo'],
    message: 'a screen with a section leads to it: remove "leadsTo" or "section"',
  }),
});

/** The suggested workshop flow on /trainers/, content/trainers/workshop.yaml, in order. */
const workshop = defineCollection({
  loader: yamlList('./content/trainers/workshop.yaml', { positions: true }),
  schema: z.strictObject({
    /** Set from the file's order by the loader, not written by editors. */
    position: z.number().int().positive().describe("Set from the file's order by the loader, not written by editors."),
    /** Stable ASCII id of the step. */
    id: slug.describe('Stable ASCII id of the step.'),
    /** The step's name. */
    title: hebrew(80).describe("The step's name."),
    /** Suggested length in minutes. */
    minutes: z.number().int().min(1).max(240).describe('Suggested length in minutes.'),
    /** What the group does. */
    text: hebrew(400).describe('What the group does.'),
  }),
});

/**
 * The search vocabulary, content/search/vocabulary.yaml: what readers type (synonyms, everyday and
 * professional words, English, abbreviations, transliterations) mapped to the guide's own words.
 * The search-index build step also checks that every `guide` phrase is on the site and that no
 * term is in two entries (src/lib/search-vocabulary.ts).
 */
const vocabulary = defineCollection({
  loader: yamlList('./content/search/vocabulary.yaml'),
  schema: z.strictObject({
    /** Stable ASCII name of the entry, used in build messages. */
    id: slug.describe('Stable ASCII name of the entry, used in build messages.'),
    /** The guide's own words or phrases for the idea; a result found through the entry names the one it matched. */
    guide: z.array(z.string().trim().min(1).max(80)).min(1).max(10).describe("The guide's own words or phrases for the idea; a result found through the entry names the one it matched."),
    /** What readers type instead, in any language or spelling; each term in one entry only. */
    terms: z.array(z.string().trim().min(1).max(80)).min(1).max(80).describe('What readers type instead, in any language or spelling; each term in one entry only.'),
  }),
});

/**
 * The source article, content/search/article.yaml: its paragraphs under the guide section each
 * became. Search indexes them so that the article's own words lead to their section where the
 * guide reworded them; the id is the guide section's id (the build checks it exists).
 */
const article = defineCollection({
  loader: yamlList('./content/search/article.yaml'),
  schema: z.strictObject({
    /** The guide section (its stable id) that this part of the article became. */
    id: slug.describe('The guide section (its stable id) that this part of the article became.'),
    /** The article's text for that section, as the article wrote it (typos fixed). */
    text: z.string().trim().min(1).max(4000).describe("The article's text for that section, as the article wrote it (typos fixed)."),
  }),
});

export const collections = { guide, questions, scale, outcomes, risks, cases, talk, workshop, vocabulary, article };
