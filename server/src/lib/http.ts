import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Locale } from '@fulcrum/shared';
import type { Actor, Ctx } from './context.ts';
import type { Clock } from './clock.ts';
import type { Database } from '../db/client.ts';
import type { BlobStore } from './blob-store.ts';
import { AppError } from './errors.ts';
import { toXlsx, type Column } from './xlsx.ts';
import type { Page } from './list.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session the request came with, as the authentication hook found it. */
    session: RequestSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Exempt from the same-origin + custom-header check (routes authenticated otherwise than by cookie). */
    csrfExempt?: boolean;
  }
}

/** A request's session: its token hash and the times its expiry is computed from. */
export interface RequestSession {
  tokenHash: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

/** What a module's routes get: a Fastify instance typed by the zod contracts, and the app's services. */
export interface ModuleDeps {
  database: Database;
  clock: Clock;
  /** Where uploaded files' bytes live (by SHA-256). */
  blobs: BlobStore;
}
/** The app typed by the zod contracts, so handlers see parsed, typed input. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The signed-in actor of a request; 401 if there is none (routes marked public never call this). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
  return request.actor;
}

/** The context a domain function runs in, for this request. */
export function ctxOf(request: FastifyRequest, deps: ModuleDeps): Ctx {
  return { db: deps.database.db, actor: actorOf(request), clock: deps.clock, requestId: request.id, ip: request.ip };
}

/** Sends a list as JSON, or — with `format=xlsx` — as a workbook download with the same filters. */
export async function sendList<T>(
  reply: FastifyReply,
  format: 'json' | 'xlsx',
  page: Page<T>,
  sheet: { name: string; filename: string; columns: Column<T>[]; locale: Locale },
) {
  if (format === 'json') return page;
  const data = await toXlsx(sheet.name, sheet.columns, page.items, sheet.locale);
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(sheet.filename)}.xlsx`)
    .send(data);
}
