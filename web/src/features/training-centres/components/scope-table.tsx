import { Flex, Grid, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScopeItem } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { levelName, occupationFieldName, occupationName, sortLevels } from './labels.ts';

/** A scope laid out for reading: one row per occupation, its field and its levels. */
export function ScopeTable({ scope, testId = 'scope-table' }: { scope: readonly ScopeItem[]; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const narrow = Grid.useBreakpoint().md === false;
  // On a phone a table would hide the levels off to the side: each occupation becomes a line with its levels under it.
  if (narrow) {
    return (
      <Flex vertical gap={10} data-testid={testId}>
        {scope.map((item) => (
          <div key={item.occupation} style={{ borderLeft: '3px solid #1f5fbf', paddingLeft: 8 }}>
            <Typography.Text strong>{occupationName(item.occupation, locale)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{occupationFieldName(item.occupation, locale)}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {sortLevels(item.levels).map((level) => (
                <Tag key={level} style={{ marginBottom: 4 }}>
                  {levelName(level, locale)}
                </Tag>
              ))}
            </div>
          </div>
        ))}
      </Flex>
    );
  }
  const columns: TableProps<ScopeItem>['columns'] = [
    { key: 'occupation', title: t('trainingCentres.fields.occupation'), render: (_, item) => occupationName(item.occupation, locale), width: 200 },
    { key: 'field', title: t('trainingCentres.fields.field'), render: (_, item) => occupationFieldName(item.occupation, locale), width: 130 },
    {
      key: 'levels',
      title: t('trainingCentres.fields.levels'),
      render: (_, item) => (
        <Space size={[4, 4]} wrap>
          {sortLevels(item.levels).map((level) => (
            <Tag key={level}>{levelName(level, locale)}</Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<ScopeItem>
      rowKey="occupation"
      size="small"
      columns={columns}
      dataSource={[...scope]}
      pagination={false}
      scroll={{ x: 560 }}
      data-testid={testId}
    />
  );
}
