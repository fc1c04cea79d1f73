import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../lib/http.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { studyTimeRoutes } from './study-time/routes.ts';
import { projectRoutes } from './projects/routes.ts';
import { examRoutes } from './exams/routes.ts';
import { certificateRoutes } from './certificates/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import './projection-listeners.ts';

/** The learning platform under /api/v1/learning (public certificate checks under /api/v1/public/learning-certificates). */
export function learningRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (app: FastifyInstance) => {
    await app.register(catalogueRoutes(deps, publicUrl));
    await app.register(studyTimeRoutes(deps, publicUrl));
    await app.register(projectRoutes(deps, publicUrl));
    await app.register(examRoutes(deps, publicUrl));
    await app.register(certificateRoutes(deps, publicUrl));
    await app.register(reportRoutes(deps, publicUrl));
  };
}
