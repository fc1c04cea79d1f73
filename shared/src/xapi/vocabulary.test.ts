import { describe, expect, it } from 'vitest';
import { learningActivityIri, parseLearningActivityIri, xapiVerbDisplay, xapiVerbs } from './vocabulary.ts';

const base = 'https://px.baodi.example';

describe('learning activity IRIs', () => {
  it('round-trips a Fulcrum record through its IRI', () => {
    const iri = learningActivityIri(base, 'micro-course', '液压/01');
    expect(iri).toBe(`${base}/xapi/activities/micro-course/${encodeURIComponent('液压/01')}`);
    expect(parseLearningActivityIri(base, iri)).toEqual({ kind: 'micro-course', id: '液压/01' });
  });

  it('leaves activities of other servers, unknown kinds and deeper paths unmapped', () => {
    expect(parseLearningActivityIri(base, 'http://example.com/xapi/activities/course/1')).toBeNull();
    expect(parseLearningActivityIri(base, `${base}/xapi/activities/podcast/1`)).toBeNull();
    expect(parseLearningActivityIri(base, `${base}/xapi/activities/course/1/extra`)).toBeNull();
    expect(parseLearningActivityIri(base, `${base}/xapi/activities/course/%E0%A4%A`)).toBeNull();
  });

  it('names every registry verb in both languages', () => {
    for (const name of Object.keys(xapiVerbs)) expect(xapiVerbDisplay[name as keyof typeof xapiVerbs]['zh-CN']).toBeTruthy();
  });
});
