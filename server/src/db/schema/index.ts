export * from './registry.ts';
export * from './identity.ts';
export * from './system.ts';
export * from './calendar.ts';
export * from './workflow.ts';
export * from './attachments.ts';
export * from './notices.ts';
export * from './training-centres.ts';
