import { Descriptions, Drawer, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { StoredStatementRow } from '@fulcrum/shared';
import { statementJson } from './statement-json.ts';

const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all' as const };
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** One stored statement: the facts the table shows with their identifiers, and the statement itself as pretty JSON. */
export function StatementDrawer({ row, onClose }: { row: StoredStatementRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md;
  const json = row ? statementJson(row.statement) : '';
  return (
    <Drawer open={Boolean(row)} onClose={onClose} size={wide ? 720 : '100%'} destroyOnHidden title={t('learningRecords.statements.drawerTitle')} data-testid="lrs-statement-drawer">
      {row && (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('learningRecords.statements.id')}>
              <Typography.Text copyable style={mono}>
                {row.id}
              </Typography.Text>
              {row.voided && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('learningRecords.statements.voided')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.storedAt')}>{time(row.stored)}</Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.timestamp')}>{time(row.timestamp)}</Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.learner')}>
              {row.actorName ?? '—'}
              <div style={{ ...mono, fontSize: 12, color: '#888' }}>{row.actorKey}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.verb')}>
              {row.verbDisplay ?? '—'}
              <div style={{ ...mono, fontSize: 12, color: '#888' }}>{row.verbId}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.object')}>
              {row.objectName ?? '—'}
              {row.objectId && <div style={{ ...mono, fontSize: 12, color: '#888' }}>{row.objectId}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningRecords.statements.client')}>{row.clientName ?? t('learningRecords.statements.clientNone')}</Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>{t('learningRecords.statements.json')}</Typography.Text>
          <Typography.Paragraph copyable={{ text: json, tooltips: [t('learningRecords.statements.copyJson')] }} style={{ marginTop: 8 }}>
            <pre style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0, padding: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, fontSize: 12, lineHeight: 1.5 }} data-testid="lrs-statement-json">
              {json}
            </pre>
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
