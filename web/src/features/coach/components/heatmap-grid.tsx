import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamHeatmap } from '@fulcrum/shared';
import { bandOf, gapBands, levelText } from './format.ts';

const cellStyle: React.CSSProperties = { padding: '6px 8px', border: '1px solid #f0f0f0', textAlign: 'center', whiteSpace: 'nowrap' };
const stickyStyle: React.CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: '#fff', textAlign: 'left', minWidth: 96, maxWidth: 160 };

/** The bands' colours with their meaning; the cells also carry their numbers, so colour is never the only cue. */
export function HeatmapLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ fontSize: 12 }} data-testid="heatmap-legend">
      <Typography.Text type="secondary">{t('coach.heatmap.legend')}</Typography.Text>
      {gapBands.map((b) => (
        <Flex key={b.key} gap={4} align="center">
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: b.background, border: '1px solid #d9d9d9' }} />
          {t(`coach.heatmap.${b.key}`)}
        </Flex>
      ))}
      <Flex gap={4} align="center">
        <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: '#fafafa', border: '1px dashed #d9d9d9' }} />
        {t('coach.heatmap.legendNone')}
      </Flex>
      <Typography.Text type="secondary">{t('coach.heatmap.cellHint')}</Typography.Text>
    </Flex>
  );
}

/**
 * Competency × person: each cell the current level over the required one, coloured by the gap; a summary row under the
 * header (meeting / people it applies to · mean gap). The first column stays put while the grid scrolls sideways.
 */
export function HeatmapGrid({ heatmap }: { heatmap: TeamHeatmap }) {
  const { t } = useTranslation();
  const cells = new Map(heatmap.cells.map((c) => [`${c.personId}:${c.competencyId}`, c]));
  const summary = new Map(heatmap.summary.map((s) => [s.competencyId, s]));
  return (
    <div style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }} data-testid="heatmap-scroll">
      <table style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: '100%' }} data-testid="heatmap-grid">
        <thead>
          <tr>
            <th style={{ ...cellStyle, ...stickyStyle, zIndex: 2 }}>{t('coach.heatmap.person')}</th>
            {heatmap.competencies.map((c) => (
              <th key={c.id} style={{ ...cellStyle, whiteSpace: 'normal', minWidth: 84, maxWidth: 120, fontWeight: 600, background: '#fafafa' }} data-testid="heatmap-competency">
                {c.name}
              </th>
            ))}
          </tr>
          <tr data-testid="heatmap-summary">
            <th style={{ ...cellStyle, ...stickyStyle, zIndex: 2, background: '#fafafa', fontWeight: 400, whiteSpace: 'normal', fontSize: 12 }}>{t('coach.heatmap.summary')}</th>
            {heatmap.competencies.map((c) => {
              const s = summary.get(c.id);
              return (
                <th key={c.id} style={{ ...cellStyle, background: '#fafafa', fontWeight: 400, fontSize: 12 }}>
                  {s ? t('coach.heatmap.summaryCell', { meeting: s.meeting, people: s.people, gap: levelText(s.meanGap) }) : '—'}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {heatmap.people.map((p) => (
            <tr key={p.personId} data-testid="heatmap-person">
              <th scope="row" style={{ ...cellStyle, ...stickyStyle, fontWeight: 400, whiteSpace: 'normal' }}>
                <div style={{ fontWeight: 600 }}>{p.name}</div>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{[p.department, p.roleProfileName].filter(Boolean).join(' · ')}</div>
              </th>
              {heatmap.competencies.map((c) => {
                const cell = cells.get(`${p.personId}:${c.id}`);
                if (!cell) return <td key={c.id} style={{ ...cellStyle, background: '#fafafa', color: '#bfbfbf' }}>—</td>;
                const band = bandOf(cell.gap);
                const title = t('coach.heatmap.cellTitle', { person: p.name, competency: c.name, current: cell.currentLevel, progress: levelText(cell.progress), required: cell.requiredLevel, gap: levelText(cell.gap) });
                return (
                  <td key={c.id} title={title} aria-label={title} style={{ ...cellStyle, background: band.background, color: band.color, fontWeight: 600 }} data-testid="heatmap-cell" data-gap={cell.gap}>
                    {cell.currentLevel}/{cell.requiredLevel}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
