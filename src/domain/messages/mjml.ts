import mjml2html from 'mjml';
import type { Localised } from './template.ts';

/**
 * E-mail HTML made from MJML, each language's source strictly validated: the HTML, or every problem the validator
 * found, named by language and line. Variables (`{{name}}`) pass through as text for the template to fill later.
 */
export async function htmlFromMjml(source: Localised): Promise<{ ok: true; html: Localised } | { ok: false; problems: string[] }> {
  const html: Record<string, string> = {};
  const problems: string[] = [];
  for (const [language, text] of Object.entries(source)) {
    if (text === undefined) continue;
    try {
      html[language] = (await mjml2html(text, { validationLevel: 'strict', keepComments: false })).html;
    } catch (error) {
      // The validator's message: a heading, then one line per problem ("Line 2 of <file> (mj-sektion) — …").
      const lines = (error as Error).message.split('\n').map((l) => l.trim().replace(/^(Line \d+) of \S+ \(/, '$1 (')).filter((l) => l && !/^ValidationError:?$/.test(l));
      problems.push(...lines.map((l) => `mjml.${language}: ${l}`));
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, html: html as Localised };
}
