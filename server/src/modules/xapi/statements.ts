import type { XapiResource } from './types.ts';

/** The Statements resource: POST (single, batch, multipart with attachments), PUT with statementId, GET (one or a query). */
export const statementsResource: XapiResource = {};
