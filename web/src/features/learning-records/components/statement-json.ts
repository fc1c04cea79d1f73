/** The order the xAPI specification lists a statement's properties in, which readers of statements expect. */
const propertyOrder = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];

/**
 * A statement as pretty JSON with its top-level properties in the specification's order (the database hands them back
 * ordered by key length); properties it does not know follow in their own order.
 */
export function statementJson(statement: Record<string, unknown>): string {
  const known = propertyOrder.filter((key) => key in statement);
  const rest = Object.keys(statement).filter((key) => !propertyOrder.includes(key));
  return JSON.stringify(Object.fromEntries([...known, ...rest].map((key) => [key, statement[key]])), null, 2);
}
