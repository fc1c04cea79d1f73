/** Single-quotes text for a POSIX shell (a quote inside becomes '\''). */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A ready command that posts one test statement with a new key, so whoever configures the courseware can see the key
 * work before touching the courseware: Basic auth, the 2.0.0 version header, a small "experienced" statement.
 */
export function curlSnippet(endpoint: string, key: string, secret: string): string {
  const statement = {
    actor: { objectType: 'Agent', name: 'Test learner', mbox: 'mailto:test.learner@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'zh-CN': '学习', 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'http://example.com/activities/connection-test', definition: { name: { 'zh-CN': '接入测试', 'en-US': 'Connection test' } } },
  };
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  return [
    `curl -X POST ${shellQuote(`${base}statements`)} \\`,
    `  -u ${shellQuote(`${key}:${secret}`)} \\`,
    `  -H 'X-Experience-API-Version: 2.0.0' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(statement))}`,
  ].join('\n');
}
