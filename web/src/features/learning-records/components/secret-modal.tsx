import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedLrsClient } from '@fulcrum/shared';
import { curlSnippet } from './snippet.ts';

const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all' as const };

function Field({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Paragraph copyable={{ text: value }} style={{ ...mono, margin: 0, padding: '6px 10px', background: '#f5f5f5', borderRadius: 6 }} data-testid={testId}>
        {value}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The new key's endpoint, key and secret, each with a copy button, and a command that reports a test statement with them.
 * The secret lives only in this dialog: it closes only by the button that says it was saved.
 */
export function SecretModal({ created, onClose }: { created: CreatedLrsClient; onClose: () => void }) {
  const { t } = useTranslation();
  const { client, secret } = created;
  const snippet = curlSnippet(client.endpoint, client.key, secret);
  return (
    <Modal
      open
      width={720}
      title={t('learningRecords.secret.title', { name: client.name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="lrs-secret-done">
          {t('learningRecords.secret.done')}
        </Button>
      }
    >
      <div data-testid="lrs-secret-modal">
        <Alert type="warning" showIcon title={t('learningRecords.secret.warning')} description={t('learningRecords.secret.warningBody')} style={{ marginBottom: 16 }} />
        <Field label={t('learningRecords.secret.endpoint')} value={client.endpoint} testId="lrs-secret-endpoint" />
        <Field label={t('learningRecords.secret.key')} value={client.key} testId="lrs-secret-key" />
        <Field label={t('learningRecords.secret.secret')} value={secret} testId="lrs-secret-secret" />
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('learningRecords.secret.snippet')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('learningRecords.secret.snippetHint')}
          </Typography.Text>
          <Typography.Paragraph copyable={{ text: snippet }} style={{ margin: 0 }} data-testid="lrs-secret-snippet">
            <pre style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0, padding: 10, background: '#1f1f1f', color: '#e8e8e8', borderRadius: 6, fontSize: 12 }}>{snippet}</pre>
          </Typography.Paragraph>
        </Flex>
      </div>
    </Modal>
  );
}
