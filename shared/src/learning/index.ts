export * from './catalogue.ts';
export * from './study-time.ts';
export * from './projects.ts';
export * from './exams.ts';
export * from './certificates.ts';
export * from './reports.ts';
