import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@fulcrum/shared';

function Json({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        data-testid={testId}
        style={{
          margin: '4px 0 0',
          padding: 12,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 12,
          lineHeight: 1.6,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          maxHeight: 360,
          overflow: 'auto',
        }}
      >
        {value === null || value === undefined ? t('audit.empty') : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** An entry's record before and after the change, pretty-printed side by side. */
export function ChangeDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="audit-diff">
      <Col span={12}>
        <Json title={t('audit.before')} value={entry.before} testId="audit-before" />
      </Col>
      <Col span={12}>
        <Json title={t('audit.after')} value={entry.after} testId="audit-after" />
      </Col>
    </Row>
  );
}
