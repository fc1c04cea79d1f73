import { learningActivityIri, personAccount, xapiVerbDisplay, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import { Random } from '../server/src/demo/random.ts';
import { syntheticResidentId } from '../server/src/lib/synthetic-ids.ts';

/**
 * The learners, courses and content packages the benchmark's statements talk about, and the statements themselves:
 * cmi5 launches of Fulcrum's own lessons (actor = the person's account under the server's address) and
 * Storyline-like quizzes from an outside authoring tool (some of those learners report with an e-mail address).
 * Everything is drawn from one seed, so two runs send the same statements.
 */

export type Statement = Record<string, unknown>;

export interface Learner {
  index: number;
  personId: string;
  name: string;
  residentId: string;
  /** The agent their statements carry: a Fulcrum account for three learners in four, an mbox for the rest. */
  agent: Statement;
}

export interface Workload {
  publicUrl: string;
  learners: Learner[];
  /** Statements without actor, id, timestamp or registration: the shapes the corpus loader and the batches fill in. */
  templates: Template[];
}

export interface Template {
  /** Which course or package the statement belongs to: one registration per learner and course. */
  course: string;
  statement: Statement;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海燕'];

const courseTopics: [string, string][] = [
  ['液压系统维护', 'Hydraulic system maintenance'],
  ['数控车床操作', 'CNC lathe operation'],
  ['焊接安全规范', 'Welding safety rules'],
  ['电气控制基础', 'Basics of electrical control'],
  ['起重机械安全', 'Lifting equipment safety'],
  ['质量管理体系', 'Quality management systems'],
  ['工业机器人编程', 'Industrial robot programming'],
  ['危险化学品管理', 'Handling hazardous chemicals'],
  ['设备点检与润滑', 'Equipment inspection and lubrication'],
  ['精益生产入门', 'Introduction to lean production'],
];

const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const cmi5Extension = (name: string) => `https://w3id.org/xapi/cmi5/context/extensions/${name}`;

/** The learners and statement shapes of one run: `learners` people, 10 courses of 6 lessons, 10 quizzes of 8 questions. */
export function buildWorkload(publicUrl: string, learnerCount: number, seed = 20260101): Workload {
  const random = new Random(seed, 'learners');
  const learners: Learner[] = [];
  for (let index = 0; index < learnerCount; index++) {
    const personId = random.uuid();
    const name = random.pick(surnames) + random.pick(givenNames);
    const agent =
      index % 4 === 3
        ? { objectType: 'Agent', name, mbox: `mailto:learner${index}@staff.jinjin-hydraulics.example.com` }
        : { objectType: 'Agent', name, account: personAccount(publicUrl, personId) };
    learners.push({ index, personId, name, residentId: syntheticResidentId(index), agent });
  }
  return { publicUrl, learners, templates: [...cmi5Templates(publicUrl, seed), ...storylineTemplates(seed)] };
}

function cmi5Templates(publicUrl: string, seed: number): Template[] {
  const random = new Random(seed, 'cmi5');
  const templates: Template[] = [];
  courseTopics.forEach(([zh, en], c) => {
    const course = learningActivityIri(publicUrl, 'course', `course-${c + 1}`);
    for (let l = 1; l <= 6; l++) {
      const lesson = learningActivityIri(publicUrl, 'lesson', `course-${c + 1}-lesson-${l}`);
      const object = {
        objectType: 'Activity',
        id: lesson,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/lesson',
          name: { 'zh-CN': `${zh}（第${l}课）`, 'en-US': `${en} (lesson ${l})` },
          description: {
            'zh-CN': `${zh}第${l}课：讲解、演示与练习。`,
            'en-US': `Lesson ${l} of ${en.toLowerCase()}: explanation, demonstration, practice.`,
          },
        },
      };
      const verbs: XapiVerbName[] = ['launched', 'initialized', 'progressed', 'completed', 'passed', 'failed', 'terminated'];
      for (const verb of verbs) {
        const scored = verb === 'passed' || verb === 'failed';
        const raw = scored ? (verb === 'passed' ? random.int(80, 100) : random.int(30, 79)) : 0;
        const result =
          verb === 'launched' || verb === 'initialized'
            ? undefined
            : {
                ...(scored ? { score: { scaled: raw / 100, raw, min: 0, max: 100 }, success: verb === 'passed' } : {}),
                ...(verb === 'completed' ? { completion: true } : {}),
                ...(verb === 'progressed' ? { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': random.int(10, 90) } } : {}),
                duration: `PT${random.int(1, 40)}M${random.int(0, 59)}S`,
              };
        const category = [{ objectType: 'Activity', id: cmi5Category }];
        if (verb === 'completed' || verb === 'passed') category.push({ objectType: 'Activity', id: moveOnCategory });
        const statement = {
          verb: { id: xapiVerbs[verb], display: xapiVerbDisplay[verb] },
          object,
          ...(result ? { result } : {}),
          context: {
            contextActivities: {
              parent: [{ objectType: 'Activity', id: course, definition: { name: { 'zh-CN': zh, 'en-US': en } } }],
              grouping: [{ objectType: 'Activity', id: `${course}/au-${l}` }],
              category,
            },
            extensions: {
              [cmi5Extension('sessionid')]: random.uuid(),
              ...(scored ? { [cmi5Extension('masteryscore')]: 0.8 } : {}),
              ...(verb === 'launched' ? { [cmi5Extension('launchmode')]: 'Normal', [cmi5Extension('moveon')]: 'CompletedAndPassed' } : {}),
            },
            language: 'zh-CN',
            platform: 'Fulcrum 支点',
          },
        };
        templates.push({ course, statement });
      }
    }
  });
  return templates;
}

function storylineTemplates(seed: number): Template[] {
  const random = new Random(seed, 'storyline');
  const templates: Template[] = [];
  courseTopics.forEach(([zh, en], p) => {
    const pkg = `https://content.jinjin-hydraulics.example.com/storyline/package-${p + 1}`;
    const quiz = `${pkg}/quiz`;
    for (let q = 1; q <= 8; q++) {
      const choices = ['a', 'b', 'c', 'd'].map((letter) => ({
        id: `choice_${letter}`,
        description: { 'zh-CN': `做法${letter.toUpperCase()}`, 'en-US': `Practice ${letter.toUpperCase()}` },
      }));
      const correct = random.pick(choices).id;
      for (const answeredRight of [true, false]) {
        const response = answeredRight ? correct : choices.find((c) => c.id !== correct)!.id;
        templates.push({
          course: pkg,
          statement: {
            verb: { id: xapiVerbs.answered, display: { 'en-US': 'answered', 'zh-CN': '作答' } },
            object: {
              objectType: 'Activity',
              id: `${quiz}/question-${q}`,
              definition: {
                type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
                interactionType: 'choice',
                name: { 'zh-CN': `${zh}测验第${q}题`, 'en-US': `${en} quiz, question ${q}` },
                description: { 'zh-CN': `哪一项${zh}做法正确？`, 'en-US': `Which practice of ${en.toLowerCase()} is right?` },
                correctResponsesPattern: [correct],
                choices,
              },
            },
            result: { score: { scaled: answeredRight ? 1 : 0, raw: answeredRight ? 10 : 0, min: 0, max: 10 }, success: answeredRight, response, duration: `PT${random.int(5, 90)}S` },
            context: {
              contextActivities: {
                parent: [{ objectType: 'Activity', id: quiz }],
                grouping: [{ objectType: 'Activity', id: pkg, definition: { name: { 'zh-CN': zh, 'en-US': en } } }],
              },
              extensions: { 'http://id.tincanapi.com/extension/attempt-id': random.int(1, 3) },
            },
          },
        });
      }
    }
  });
  return templates;
}

/**
 * The registration of a learner's attempt at a course: one per pair, stable across runs. An md5 of the pair with the
 * version-4 and variant digits set (the corpus loader computes the same in SQL: `registrationSql`).
 */
export function registrationOf(learner: Learner, course: string, hash: (text: string) => string): string {
  const hex = hash(`${learner.index}:${course}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** registrationOf in SQL, for a learner index and a course expression. */
export const registrationSql = (learner: string, course: string) =>
  `overlay(overlay(md5(${learner}::text || ':' || ${course}) placing '4' from 13) placing '8' from 17)::uuid`;

/** A full statement as a client sends it: a template with a learner, the attempt's registration and a timestamp. */
export function fillTemplate(template: Template, learner: Learner, registration: string, timestamp: string): Statement {
  const context = template.statement.context as Statement;
  return { actor: learner.agent, ...template.statement, context: { registration, ...context }, timestamp };
}
