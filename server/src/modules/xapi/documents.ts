import type { XapiResource } from './types.ts';

/** The State resource (per activity, agent and registration). */
export const stateResource: XapiResource = {};
/** The Activity Profile resource. */
export const activityProfileResource: XapiResource = {};
/** The Agent Profile resource. */
export const agentProfileResource: XapiResource = {};
/** The Activities resource: an activity's canonical definition. */
export const activitiesResource: XapiResource = {};
/** The Agents resource: the Person object of an agent. */
export const agentsResource: XapiResource = {};
