import { describe, expect, it } from 'vitest';
import { microCourseCards, textBlocksOf } from './text-blocks.ts';

describe('textBlocksOf', () => {
  it('turns HTML blocks into text paragraphs and drops tags, scripts and handlers', () => {
    const html = '<h3>液压站安全</h3><p>开机前检查油位<b>和油温</b></p><script>alert(1)</script><img src=x onerror="alert(2)"><p>A &amp; B &lt;C&gt;</p>';
    expect(textBlocksOf(html)).toEqual(['液压站安全', '开机前检查油位和油温', 'A & B <C>']);
  });

  it('splits plain text by lines', () => {
    expect(textBlocksOf('一、检查\n\n二、运行\n')).toEqual(['一、检查', '二、运行']);
    expect(textBlocksOf(null)).toEqual([]);
  });
});

describe('microCourseCards', () => {
  it('uses the body, else the knowledge points, else the description', () => {
    const points = [{ name: '液压泵', description: '把机械能转为压力能。是动力元件。' }];
    expect(microCourseCards({ body: '第一张\n第二张', description: '', knowledgePoints: points })).toEqual(['第一张', '第二张']);
    expect(microCourseCards({ body: null, description: '说明', knowledgePoints: points })).toEqual(['液压泵', '把机械能转为压力能。', '是动力元件。']);
    expect(microCourseCards({ body: null, description: '说明', knowledgePoints: [] })).toEqual(['说明']);
  });
});
