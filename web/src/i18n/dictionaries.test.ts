import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.ts';
import { enUS } from './en-US.ts';

type Texts = { [key: string]: string | Texts };

function leaves(texts: Texts, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The language switch names the other language in that language. */
const nativeNames = new Set(['header.language']);

const features = import.meta.glob<{ [name: string]: unknown }>('../features/*/i18n.ts', { eager: true });

function check(zh: Texts, en: Texts) {
  const z = leaves(zh);
  const e = leaves(en);
  expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
  for (const [key, value] of z) {
    expect(value.trim(), `zh-CN ${key} is empty`).not.toBe('');
    if (!nativeNames.has(key)) expect(/[\u4e00-\u9fff]/.test(e.get(key)!), `en-US ${key} is not English: ${e.get(key)}`).toBe(false);
  }
  for (const [key, value] of e) expect(value.trim(), `en-US ${key} is empty`).not.toBe('');
}

describe('every visible string exists in both languages', () => {
  it('app dictionary', () => check(zhCN, enUS));
  it.each(Object.keys(features))('feature dictionary %s', (file) => {
    const texts = Object.values(features[file]!).find((v): v is { zh: Texts; en: Texts } => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v);
    expect(texts, `${file} exports defineTexts(...)`).toBeDefined();
    check(texts!.zh, texts!.en);
  });
});
