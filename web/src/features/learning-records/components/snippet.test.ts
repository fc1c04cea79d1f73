import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlSnippet } from './snippet.ts';

/** The arguments a POSIX shell makes of a command line (echoed one per line by printf). */
const shellWords = (command: string) => execFileSync('sh', ['-c', `set -- ${command.replace(/\\\n/g, ' ')}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).trimEnd().split('\n');

describe('the test command shown with a new key', () => {
  it('posts a statement to the endpoint with the key, the 2.0.0 header and JSON', () => {
    const snippet = curlSnippet('https://fulcrum.example.cn/xapi/', 'lrs_abc', 'se-cr_et');
    const words = shellWords(snippet.replace(/^curl /, ''));
    expect(words.slice(0, 4)).toEqual(['-X', 'POST', 'https://fulcrum.example.cn/xapi/statements', '-u']);
    expect(words[4]).toBe('lrs_abc:se-cr_et');
    expect(words).toContain('X-Experience-API-Version: 2.0.0');
    expect(words).toContain('Content-Type: application/json');
    const statement = JSON.parse(words.at(-1)!) as { actor: { mbox: string }; verb: { id: string }; object: { id: string } };
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
    expect(statement.actor.mbox).toMatch(/^mailto:/);
  });

  it('quotes whatever the secret holds and adds the slash an endpoint lacks', () => {
    const words = shellWords(curlSnippet('http://localhost:3000/xapi', "k'ey", '$(rm -rf)`x`').replace(/^curl /, ''));
    expect(words[2]).toBe('http://localhost:3000/xapi/statements');
    expect(words[4]).toBe("k'ey:$(rm -rf)`x`");
  });
});
