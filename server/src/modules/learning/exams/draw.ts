import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { examPapers, knowledgePoints, questionKnowledgePoints, questions } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { shuffled } from './grading.ts';

/*
 * Drawing a paper for one attempt: a fixed paper's questions, or for a random paper `count` active questions per rule
 * (a question drawn for one rule is not drawn again for another). Question order and option order are shuffled when
 * the exam says so; the option keys stay the questions' own, so grading does not depend on the order shown.
 */

type PaperRow = typeof examPapers.$inferSelect;
export interface DrawnQuestion {
  questionId: string;
  points: number;
  optionOrder: string[];
  kind: string;
  stem: string;
  options: Array<{ key: string; text: string }>;
}
type Candidate = Pick<DrawnQuestion, 'kind' | 'stem' | 'options'> & { id: string };

const questionColumns = { id: questions.id, kind: questions.kind, stem: questions.stem, options: questions.options };

async function fixedDraw(db: Db, paper: PaperRow): Promise<Array<Candidate & { points: number }>> {
  const rows = await db.select(questionColumns).from(questions).where(inArray(questions.id, paper.items.map((i) => i.questionId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return paper.items.map((item) => ({ ...byId.get(item.questionId)!, points: item.points }));
}

async function randomDraw(db: Db, paper: PaperRow): Promise<Array<Candidate & { points: number }>> {
  const kpIds = [...new Set(paper.drawRules.map((r) => r.knowledgePointId))];
  const rows = await db
    .select({ ...questionColumns, kp: questionKnowledgePoints.knowledgePointId, difficulty: questions.difficulty, kpName: knowledgePoints.name })
    .from(questions)
    .innerJoin(questionKnowledgePoints, eq(questionKnowledgePoints.questionId, questions.id))
    .innerJoin(knowledgePoints, eq(knowledgePoints.id, questionKnowledgePoints.knowledgePointId))
    .where(and(eq(questions.organisationId, paper.organisationId), eq(questions.status, 'active'), inArray(questionKnowledgePoints.knowledgePointId, kpIds)));
  const taken = new Set<string>();
  return paper.drawRules.flatMap((rule, i) => {
    const pool = rows.filter((r) => r.kp === rule.knowledgePointId && r.difficulty === rule.difficulty && !taken.has(r.id));
    if (pool.length < rule.count) {
      const name = rows.find((r) => r.kp === rule.knowledgePointId)?.kpName ?? rule.knowledgePointId;
      throw new AppError('CONFLICT', `rule ${i + 1} (${name}, difficulty ${rule.difficulty}) needs ${rule.count} questions; the bank has ${pool.length} active`, {
        reason: 'RULE_UNSATISFIABLE',
        rule: i,
      });
    }
    const drawn = shuffled(pool).slice(0, rule.count);
    drawn.forEach((d) => taken.add(d.id));
    return drawn.map((d) => ({ id: d.id, kind: d.kind, stem: d.stem, options: d.options, points: rule.points }));
  });
}

/** The questions of a new attempt in display order, with each one's option order. */
export async function drawPaper(db: Db, paper: PaperRow, shuffle: { questions: boolean; options: boolean }): Promise<DrawnQuestion[]> {
  const picked = paper.mode === 'fixed' ? await fixedDraw(db, paper) : await randomDraw(db, paper);
  const ordered = shuffle.questions ? shuffled(picked) : picked;
  return ordered.map((q) => {
    const keys = q.options.map((o) => o.key);
    return { questionId: q.id, points: q.points, kind: q.kind, stem: q.stem, options: q.options, optionOrder: shuffle.options ? shuffled(keys) : keys };
  });
}
