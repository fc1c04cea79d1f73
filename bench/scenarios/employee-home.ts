import { bareGets, judgeRead, measure, rowOf, type Scenario } from './context.ts';

/** The GETs of the phone's home page (mobile-home-page.tsx and the coach card). */
export const HOME_PATHS = ['/api/v1/auth/session', '/api/v1/auth/profile', '/api/v1/coach/me'];

/**
 * The employee home: each request is one of the home page's GETs (the session, the profile with employments, the
 * coach with gaps, today's pushes and recommendations) with the session of one of the sampled employees, every
 * employee in turn. Baseline: a bare route reading the session, the person and the learner profile by key.
 */
export const employeeHome: Scenario = {
  name: 'employee-home',
  async run(context) {
    const { employees } = context.data;
    const paths = employees.flatMap(() => HOME_PATHS);
    const headerSets = employees.flatMap((e) => HOME_PATHS.map(() => ({ cookie: e.cookie })));
    context.log(`employee home: ${context.connections} connections, ${context.seconds} s, ${HOME_PATHS.join(' · ')} for ${employees.length} employees in rotation`);
    const result = await measure(context.server, { connections: context.connections, seconds: context.seconds, method: 'GET', headers: {}, paths, headerSets });
    return [rowOf('employee home: session · profile · coach/me (HTTP)', context, result)];
  },
  baselineUses: 'bare',
  baseline: (context) => bareGets(context, 'session + person + learner profile by key', ['/bare/home'], context.data.employees.map((e) => ({ cookie: e.cookie }))),
  judge: judgeRead,
};
