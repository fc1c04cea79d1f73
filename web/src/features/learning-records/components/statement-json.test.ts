import { describe, expect, it } from 'vitest';
import { statementJson } from './statement-json.ts';

describe('a statement shown as JSON', () => {
  it('lists the properties in the specification’s order, unknown ones last, values untouched', () => {
    const statement = { id: 'x', verb: { id: 'v' }, actor: { mbox: 'mailto:a@example.com' }, stored: 's', object: { id: 'o' }, version: '2.0.0', extra: 1, timestamp: 't', authority: { name: 'k' } };
    const text = statementJson(statement);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['id', 'actor', 'verb', 'object', 'timestamp', 'stored', 'authority', 'version', 'extra']);
    expect(JSON.parse(text)).toEqual(statement);
    expect(text).toContain('\n  "actor": {\n    "mbox"');
  });
});
