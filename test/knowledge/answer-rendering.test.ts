import { build } from 'esbuild';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { renderForSms } from '../../adapters/sms/sms-render';
import { renderForTelegram } from '../../adapters/telegram/telegram-render';
import { answerMessage } from '../../flows/answer-from-docs';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import type { TranscriptMessage } from '../../src/model/message';
import { launchChromium } from '../e2e/browser';

/** A page with an admonition, numbered steps, a bullet list and a table, written for this test. */
const CORPUS = path.join(__dirname, '..', 'fixtures', 'answer-pages');
const MARKUP = /\*\*|!!!|===|\|---|\]\(|<[a-z]/;

async function botMessage(kb: DocsKnowledgeBase, question: string): Promise<TranscriptMessage> {
  const answer = await kb.answer(question);
  expect(answer.kind).toBe('answer');
  return { ...answerMessage(answer, 'ans_1'), conversationId: 'c1', seq: 3, author: 'bot', createdAt: 0 };
}

/** A real answer from the fixture page, with two other pages ranked behind it. */
async function withRelatedPages(kb: DocsKnowledgeBase, question: string): Promise<TranscriptMessage> {
  const answer = await kb.answer(question);
  const best = answer.hits[0]!;
  const other = (path: string, title: string) => ({
    ...best,
    pagePath: `${path}.md`,
    pageTitle: title,
    headingPath: [title],
    url: `https://docs.example.com/${path}/`,
    score: best.score / 2,
  });
  const hits = [best, other('voicemail', 'Voicemail <Boxes>'), other('ring-groups', 'Ring Groups')];
  const message = answerMessage({ ...answer, hits }, 'ans_2');
  return { ...message, conversationId: 'c1', seq: 4, author: 'bot', createdAt: 0 };
}

describe('docs answers on each channel', () => {
  let kb: DocsKnowledgeBase;
  beforeAll(async () => {
    kb = new DocsKnowledgeBase({ dir: CORPUS, baseUrl: 'https://docs.example.com', answerCacheSize: 0 });
    await kb.load();
  });

  it('keeps the section text clean: admonition label, steps, items and table rows, no markup', () => {
    const text = kb.index.sections.map((section) => section.text).join('\n');
    expect(text).toContain('Forwarded calls cost money:\nA forwarded call is charged');
    expect(text).toContain('1. Open Extensions and pick the extension.\n2. Choose Forwarding');
    expect(text).toContain('- Always: every call is forwarded at once.');
    expect(text).toContain('Destination: Mobile; Price per minute: 0.02 USD');
    expect(text).not.toMatch(MARKUP);
  });

  it('answers a how-to with all the numbered steps and their lead-in, not the first sentence', async () => {
    const message = await botMessage(kb, 'how do I forward my extension to a mobile');
    expect(message.text).toMatch(
      /^To forward calls to a mobile:\n1\. Open Extensions and pick the extension\.\n2\. .*\n3\. Save/,
    );
    expect(message.text).toContain('From the docs: Call Forwarding › Forward calls to a mobile');
  });

  it('shows steps as numbered lines and list items as bullets in Telegram HTML, escaped', async () => {
    const steps = renderForTelegram(await botMessage(kb, 'how do I forward my extension to a mobile'));
    expect(steps[0]?.html).toMatch(/\n1\. Open Extensions and pick the extension\.\n2\. /);
    expect(steps[0]?.html).toContain(
      '<a href="https://docs.example.com/forwarding/#forward-calls-to-a-mobile">',
    );
    const modes = renderForTelegram(
      await botMessage(kb, 'which forwarding modes are there, busy or no answer'),
    );
    expect(modes[0]?.html).toMatch(/• Always: every call is forwarded at once\.\n• No answer: /);
    const rates = renderForTelegram(await botMessage(kb, 'price per minute to forward to a landline'));
    expect(rates[0]?.html).toContain('Destination: Landline; Price per minute: 0.01 USD');
    for (const html of [steps, modes, rates].map((pieces) => pieces[0]?.html ?? '')) {
      expect(html.replace(/<\/?(a|b|i)\b[^>]*>/g, '')).not.toMatch(/<|\*\*/);
    }
  });

  it('gives the related pages after the source link in Telegram, as linked names, before "Did this help?"', async () => {
    const [piece] = renderForTelegram(
      await withRelatedPages(kb, 'how do I forward my extension to a mobile'),
    );
    const html = piece?.html ?? '';
    const source = html.indexOf('From the docs: <a href="https://docs.example.com/forwarding/');
    const related = html.indexOf(
      'Related pages:\n\n• <a href="https://docs.example.com/voicemail/">Voicemail &lt;Boxes&gt;</a>\n',
    );
    expect(source).toBeGreaterThan(0);
    expect(related).toBeGreaterThan(source);
    expect(html.indexOf('• <a href="https://docs.example.com/ring-groups/">Ring Groups</a>')).toBeGreaterThan(
      related,
    );
    expect(html.indexOf('<i>Did this help?</i>')).toBeGreaterThan(related);
  });

  it('sends one SMS line with the link', async () => {
    const sms = renderForSms(await botMessage(kb, 'how do I forward my extension to a mobile'));
    expect(sms).toHaveLength(1);
    expect(sms[0]).not.toContain('\n');
    expect(sms[0]).toMatch(
      /^To forward calls to a mobile: 1\. Open Extensions.* https:\/\/docs\.example\.com\//,
    );
  });

  describe('in the web widget (Chromium)', () => {
    let browser: Browser;
    let bundle: string;
    beforeAll(async () => {
      browser = await launchChromium();
      const built = await build({
        stdin: {
          contents: `import { renderMessage } from './adapters/web/widget/message-view';
            window.renderBot = (m) => document.body.appendChild(renderMessage(m, {
              feedback: async () => undefined, openAttachment: async (u) => u })).outerHTML;`,
          resolveDir: path.join(__dirname, '..', '..'),
          loader: 'ts',
        },
        bundle: true,
        write: false,
        format: 'iife',
      });
      bundle = built.outputFiles[0]?.text ?? '';
    });
    afterAll(() => browser.close());

    it('shows steps as an ordered list, items as a bulleted list and bold as strong, never parsing HTML', async () => {
      const steps = await botMessage(kb, 'how do I forward my extension to a mobile');
      const page = await browser.newPage();
      await page.setContent('<html><body></body></html>');
      await page.addScriptTag({ content: bundle });
      const render = (message: TranscriptMessage) =>
        page.evaluate((m) => (window as unknown as { renderBot(m: unknown): string }).renderBot(m), message);
      const stepsHtml = await render(steps);
      expect(stepsHtml).toMatch(
        /<ol class="answer-list"[^>]*><li>Open Extensions and pick the extension\.<\/li><li>/,
      );
      const hostile = await render({
        ...steps,
        text: '**Note**: <img src=x onerror=alert(1)>\n- <b>item</b>\n- <i>x</i>: https://a.example/"onmouseover=x\n- y: javascript:alert(1)',
      });
      expect(hostile).toContain('<strong>Note</strong>');
      expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(hostile).toContain('<ul class="answer-list"');
      expect(hostile).toContain('<li>&lt;b&gt;item&lt;/b&gt;</li>');
      // A named link keeps its name as text and its URL only as a parsed http(s) href.
      expect(hostile).toContain('<li><a href="https://a.example/%22onmouseover=x" target="_blank"');
      expect(hostile).toContain('>&lt;i&gt;x&lt;/i&gt;</a></li>');
      expect(hostile).toContain('<li>y: javascript:alert(1)</li>');
      const related = await render(await withRelatedPages(kb, 'how do I forward my extension to a mobile'));
      expect(related).toMatch(
        /<ul class="answer-list"[^>]*><li><a href="https:\/\/docs\.example\.com\/voicemail\/" target="_blank" rel="noopener noreferrer">Voicemail &lt;Boxes&gt;<\/a><\/li>/,
      );
      expect(related).toContain('href="https://docs.example.com/ring-groups/"');
      await page.close();
    });
  });
});
