import type { XapiVersion } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';

/** An xAPI agent as JSON (the shapes are checked by validate.ts before anything else looks at them). */
export type XapiAgent = Record<string, unknown> & { objectType?: 'Agent' | 'Group' };

/** Who is calling the store and what they may do. */
export interface LrsPrincipal {
  organisationId: string;
  canRead: boolean;
  canWrite: boolean;
  /** The LRS client whose key was used; null for a signed-in learner's own pages. */
  clientId: string | null;
  /** Set as every stored statement's `authority`. */
  authority: XapiAgent;
  /**
   * A signed-in learner: may write only statements whose actor is themselves and read only statements about
   * themselves (their agent is forced as the `agent` filter).
   */
  learner: { personId: string; userId: string; agent: XapiAgent } | null;
}

/**
 * One xAPI request, whatever way it came (a normal request, or 1.0.3's alternate request syntax: a form POST
 * carrying the method, headers and content). Handlers see only this, never Fastify.
 */
export interface XapiRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Query parameters, each given once (a repeated parameter is refused before a handler runs). */
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The media type of the body without parameters, lower case ('' when none). */
  contentType: string;
  version: XapiVersion;
  principal: LrsPrincipal;
  db: Db;
  clock: Clock;
  /** The server's public address: Fulcrum's activity and verb IRIs and the `more` links start with it. */
  publicUrl: string;
  /** Preferred languages from Accept-Language, best first (for `format=canonical`). */
  languages: string[];
}

/** What a handler answers: a status, headers and a body (an object is sent as JSON). */
export interface XapiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string | object;
}

export type XapiHandler = (request: XapiRequest) => Promise<XapiResponse>;
/** A resource's handlers by method; a method it lacks is answered 405. */
export type XapiResource = Partial<Record<'GET' | 'PUT' | 'POST' | 'DELETE', XapiHandler>>;
