export * from './registry.ts';
export * from './identity.ts';
export * from './system.ts';
export * from './calendar.ts';
