/*
 * Lesson text for the page. A body may be plain text or simple HTML from the editor; either way only its text reaches
 * the page, as paragraphs React renders as text: no markup from a body is ever injected, so nothing in it can run.
 */

const blockBreak = /<\s*(br\s*\/?|\/\s*(p|div|h[1-6]|li|tr|blockquote|section|article|pre))\s*>/gi;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The paragraphs of a lesson body: HTML blocks and lines become paragraphs; tags and scripts are dropped. */
export function textBlocksOf(body: string | null | undefined): string[] {
  const text = (body ?? '')
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(blockBreak, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (whole, name: string) => entities[name.toLowerCase()] ?? whole);
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The cards of a micro-course without media: its body, else its knowledge points with what each is about, else its description. */
export function microCourseCards(lesson: { body: string | null; description: string; knowledgePoints: { name: string; description: string }[] }): string[] {
  const body = textBlocksOf(lesson.body);
  const points = lesson.knowledgePoints.flatMap((p) => [p.name, ...sentencesOf(p.description)]);
  return body.length ? body : points.length ? points : textBlocksOf(lesson.description);
}

/** Chinese text cut after each full stop, question or exclamation mark: one card a sentence. */
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[。！？；])/)
    .map((s) => s.trim())
    .filter(Boolean);
