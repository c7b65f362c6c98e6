import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DocSection } from './docs-section';
import { slugify } from './toc-slug';

/**
 * A question a customer would ask that a docs page (or one section of it) answers, written by the
 * support team in customers' words. The docs say "Carrier", "CLI" and "CDR"; customers say
 * "provider", "caller number" and "call logs": these questions are the bridge, as the "search
 * keywords" or "alternative phrasings" that help-centre editors attach to articles.
 */
export interface PageQuestion {
  /** Page path relative to the docs folder, `/`-separated, as `DocSection.pagePath`. */
  page: string;
  /** Heading text of the section that answers; absent when the page as a whole does. */
  section?: string;
  question: string;
}

/** One file of page questions. */
export interface PageQuestionFile {
  file: string;
  questions: PageQuestion[];
}

/** What attaching the questions to a docs index did, for the log and `npm run kb`. */
export interface PageQuestionReport {
  /** Files whose pages are (mostly) this docs folder's, and the questions they attached. */
  applied: { file: string; questions: number; unknownPages: number; unknownSections: number }[];
  /** Files written for other docs: fewer than half of their pages are in this folder. */
  ignored: { file: string; pagesFound: number; pages: number }[];
}

const MAX_QUESTION_LENGTH = 500;
/** A file applies to a docs folder when at least this share of the pages it names are there. */
const MIN_PAGES_FOUND = 0.5;

const lineSchema = z
  .object({
    page: z.string().min(1).max(500),
    section: z.string().min(1).max(300).optional(),
    question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  })
  .strict();

/** A page-questions file that cannot be read as one; says which line and why. */
export class PageQuestionsError extends Error {}

/** Parses one JSON-lines file of page questions; blank lines are skipped, any bad line throws. */
export function parsePageQuestions(text: string, file: string): PageQuestion[] {
  const questions: PageQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new PageQuestionsError(`${file}:${i + 1}: not JSON`);
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PageQuestionsError(`${file}:${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message}`);
    }
    const { page, section, question } = parsed.data;
    questions.push(section === undefined ? { page, question } : { page, section, question });
  });
  return questions;
}

/** The `.jsonl` files of a folder (sorted), or the one file named; nothing when the path is absent. */
export function pageQuestionFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  if (fs.statSync(location).isFile()) return [location];
  return fs
    .readdirSync(location)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(location, name));
}

/** Reads one page-questions file. */
export function readPageQuestionFile(file: string): PageQuestionFile {
  return { file, questions: parsePageQuestions(fs.readFileSync(file, 'utf8'), file) };
}

/** Reads every page-questions file at `location` (a folder of `.jsonl` files, or one file). */
export function readPageQuestions(location: string): PageQuestionFile[] {
  return pageQuestionFiles(location).map(readPageQuestionFile);
}

/**
 * Attaches each question to the section that answers it (`DocSection.questions`): the first slice
 * of the section whose heading is the question's `section`, else the page's first section. A file
 * written for other docs (fewer than half of its pages here) is left out whole, so that a
 * question about another product's `index.md` never lands on this one's.
 */
export function attachPageQuestions(
  sections: readonly DocSection[],
  files: readonly PageQuestionFile[],
): PageQuestionReport {
  const byPage = new Map<string, DocSection[]>();
  for (const section of sections) {
    const list = byPage.get(section.pagePath);
    if (list) list.push(section);
    else byPage.set(section.pagePath, [section]);
  }
  const report: PageQuestionReport = { applied: [], ignored: [] };
  for (const { file, questions } of files) {
    const pages = new Set(questions.map((question) => question.page));
    const pagesFound = [...pages].filter((page) => byPage.has(page)).length;
    if (pages.size === 0 || pagesFound < MIN_PAGES_FOUND * pages.size) {
      report.ignored.push({ file, pagesFound, pages: pages.size });
      continue;
    }
    let attached = 0;
    let unknownPages = 0;
    let unknownSections = 0;
    for (const question of questions) {
      const pageSections = byPage.get(question.page);
      if (!pageSections) {
        unknownPages += 1;
        continue;
      }
      let target = pageSections[0] as DocSection;
      if (question.section !== undefined) {
        // Headings compare as their MkDocs anchors do: case, spacing and punctuation aside.
        const key = slugify(question.section);
        // The section under that heading; else the first one below it (a heading with no text of
        // its own before its subheadings is in their heading path only).
        const found =
          key === ''
            ? undefined
            : (pageSections.find((section) => slugify(section.headingPath.at(-1) ?? '') === key) ??
              pageSections.find((section) =>
                section.headingPath.slice(1).some((heading) => slugify(heading) === key),
              ));
        if (found) target = found;
        else unknownSections += 1;
      }
      (target.questions ??= []).push(question.question);
      attached += 1;
    }
    report.applied.push({ file, questions: attached, unknownPages, unknownSections });
  }
  return report;
}
