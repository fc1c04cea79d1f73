/**
 * The xAPI vocabulary Fulcrum speaks: the verbs it emits (cmi5's nine, ADL's and a few of its own) and the kinds of
 * learning activity whose IRIs live under the server's public address. Content from authoring tools may use any
 * other verb or activity IRI; these are the ones Fulcrum maps onto its own records.
 */

/** The xAPI versions this store speaks; the first is the one it answers with when a 2.0 client asks. */
export const xapiVersions = ['2.0.0', '1.0.3'] as const;
export type XapiVersion = (typeof xapiVersions)[number];

const adl = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

/** Verbs Fulcrum emits or understands, by short name. Fulcrum's own (checked-in, heartbeat) live under the server's address. */
export const xapiVerbs = {
  // cmi5 defined verbs (cmi5 spec, "Verbs").
  launched: adl('launched'),
  initialized: adl('initialized'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: adl('terminated'),
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  // ADL verbs the learning platform writes.
  progressed: adl('progressed'),
  experienced: adl('experienced'),
  answered: adl('answered'),
  attended: adl('attended'),
  attempted: adl('attempted'),
  voided: adl('voided'),
} as const;
export type XapiVerbName = keyof typeof xapiVerbs;

/** Fulcrum's own verbs: their IRIs are `<publicUrl>/xapi/verbs/<name>`. */
export const fulcrumVerbNames = ['checked-in'] as const;
export type FulcrumVerbName = (typeof fulcrumVerbNames)[number];

/** The display names of the registry's verbs, zh-CN first. */
export const xapiVerbDisplay: Record<XapiVerbName | FulcrumVerbName, { 'zh-CN': string; 'en-US': string }> = {
  launched: { 'zh-CN': '启动', 'en-US': 'launched' },
  initialized: { 'zh-CN': '开始', 'en-US': 'initialized' },
  completed: { 'zh-CN': '完成', 'en-US': 'completed' },
  passed: { 'zh-CN': '通过', 'en-US': 'passed' },
  failed: { 'zh-CN': '未通过', 'en-US': 'failed' },
  abandoned: { 'zh-CN': '中断', 'en-US': 'abandoned' },
  waived: { 'zh-CN': '免修', 'en-US': 'waived' },
  terminated: { 'zh-CN': '结束', 'en-US': 'terminated' },
  satisfied: { 'zh-CN': '满足要求', 'en-US': 'satisfied' },
  progressed: { 'zh-CN': '学习进度', 'en-US': 'progressed' },
  experienced: { 'zh-CN': '学习', 'en-US': 'experienced' },
  answered: { 'zh-CN': '作答', 'en-US': 'answered' },
  attended: { 'zh-CN': '出勤', 'en-US': 'attended' },
  attempted: { 'zh-CN': '尝试', 'en-US': 'attempted' },
  voided: { 'zh-CN': '作废', 'en-US': 'voided' },
  'checked-in': { 'zh-CN': '签到', 'en-US': 'checked in' },
};

/** The kinds of Fulcrum record a learning activity IRI can name: `<publicUrl>/xapi/activities/<kind>/<id>`. */
export const learningActivityKinds = ['course', 'lesson', 'micro-course', 'knowledge-point', 'exam', 'question', 'check-in', 'safety-drill'] as const;
export type LearningActivityKind = (typeof learningActivityKinds)[number];

/** The IRI of one of Fulcrum's own verbs at this server. */
export function fulcrumVerbIri(publicUrl: string, name: FulcrumVerbName): string {
  return `${publicUrl}/xapi/verbs/${name}`;
}

/** The IRI of a Fulcrum record as an xAPI activity. */
export function learningActivityIri(publicUrl: string, kind: LearningActivityKind, id: string): string {
  return `${publicUrl}/xapi/activities/${kind}/${encodeURIComponent(id)}`;
}

/** The Fulcrum record an activity IRI names, or null for an activity from elsewhere (or under another server). */
export function parseLearningActivityIri(publicUrl: string, iri: string): { kind: LearningActivityKind; id: string } | null {
  const prefix = `${publicUrl}/xapi/activities/`;
  if (!iri.startsWith(prefix)) return null;
  const [kind, id, ...rest] = iri.slice(prefix.length).split('/');
  if (rest.length || !id || !(learningActivityKinds as readonly string[]).includes(kind!)) return null;
  try {
    return { kind: kind as LearningActivityKind, id: decodeURIComponent(id) };
  } catch {
    return null;
  }
}

/** The account a Fulcrum person is known by in statements: this server's address and the person's id. */
export function personAccount(publicUrl: string, personId: string): { homePage: string; name: string } {
  return { homePage: publicUrl, name: personId };
}
