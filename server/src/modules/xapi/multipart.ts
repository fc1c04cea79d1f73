import { randomBytes } from 'node:crypto';
import { AppError } from '../../lib/errors.ts';

/**
 * multipart/mixed for the Statements resource (RFC 2046 §5.1): statements with their attachments' bytes in, statements
 * with the stored attachments out. The parser works on the bytes the front door hands over and accepts a bare LF where
 * CRLF is due, since content packages and test tools written on some systems send their multipart bodies that way.
 */

export interface MultipartPart {
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

const malformed = (message: string, path = 'body') => new AppError('VALIDATION_FAILED', message, { issues: [{ path, code: 'MULTIPART', message }] });

/** The boundary parameter of a multipart Content-Type header, without quotes; null when it has none. */
export function multipartBoundary(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const separator = parameter.indexOf('=');
    if (separator < 0) continue;
    if (parameter.slice(0, separator).trim().toLowerCase() !== 'boundary') continue;
    let value = parameter.slice(separator + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return value.length > 0 && value.length <= 70 ? value : null;
  }
  return null;
}

const CR = 0x0d;
const LF = 0x0a;

/** The index just past the line break at `index` (CRLF or LF), or -1 when no line break starts there. */
function lineBreakEnd(buffer: Buffer, index: number): number {
  if (buffer[index] === CR && buffer[index + 1] === LF) return index + 2;
  if (buffer[index] === LF) return index + 1;
  return -1;
}

/**
 * Splits a multipart/mixed body into its parts. The preamble before the first delimiter and the epilogue after the
 * closing one are ignored; a body without a delimiter, a part without its header block or a missing closing delimiter
 * is refused (400).
 */
export function parseMultipartMixed(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw malformed('a multipart/mixed body needs a boundary parameter in its Content-Type', 'headers.content-type');
  const dash = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.from(`\n--${boundary}`, 'latin1');

  // The first delimiter opens the body or follows a line break that ends the preamble.
  let cursor: number;
  if (body.subarray(0, dash.length).equals(dash)) cursor = dash.length;
  else {
    const found = body.indexOf(delimiter);
    if (found < 0) throw malformed('the body has no multipart boundary delimiter');
    cursor = found + delimiter.length;
  }

  const parts: MultipartPart[] = [];
  for (;;) {
    // After a delimiter: "--" closes the body, else optional transport padding and a line break open a part.
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) return requireParts(parts);
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor++;
    const partStart = lineBreakEnd(body, cursor);
    if (partStart < 0) throw malformed('a multipart boundary delimiter is not followed by a line break');

    const next = body.indexOf(delimiter, partStart - 1);
    if (next < 0) throw malformed('the multipart body has no closing boundary delimiter');
    const partEnd = next > 0 && body[next - 1] === CR ? next - 1 : next;
    parts.push(parsePart(body.subarray(partStart, Math.max(partStart, partEnd))));
    cursor = next + delimiter.length;
  }
}

function requireParts(parts: MultipartPart[]): MultipartPart[] {
  if (parts.length === 0) throw malformed('the multipart body has no parts');
  return parts;
}

/** One part: header lines up to the first empty line, then the content. */
function parsePart(part: Buffer): MultipartPart {
  const headers: Record<string, string> = {};
  let cursor = 0;
  for (;;) {
    const blankEnd = lineBreakEnd(part, cursor);
    if (blankEnd >= 0) return { headers, body: part.subarray(blankEnd) };
    const lineEnd = part.indexOf(LF, cursor);
    if (lineEnd < 0) throw malformed('a multipart part has no empty line between its headers and its content');
    const line = part.subarray(cursor, lineEnd > cursor && part[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd).toString('latin1');
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed(`a multipart part has a malformed header line: ${line.slice(0, 80)}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    cursor = lineEnd + 1;
  }
}

/** A multipart/mixed body and the Content-Type that names its boundary, parts in the given order. */
export function buildMultipartMixed(parts: MultipartPart[]): { contentType: string; body: Buffer } {
  const boundary = `fulcrum-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`, 'utf8'), part.body, Buffer.from('\r\n', 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
