import { useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/forms.ts';
import { useRevealResidentId } from '../api/use-reveal-resident-id.ts';

/**
 * A masked resident ID; for roles allowed to, a button that shows the full ID after a confirmation
 * saying the reveal is written to the audit trail. The full ID lives only in this component's state.
 */
export function ResidentId({ personId, masked, canReveal }: { personId: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const reveal = useRevealResidentId(personId);
  const [full, setFull] = useState<string | null>(null);

  const ask = () =>
    modal.confirm({
      title: t('people.detail.revealTitle'),
      content: t('people.detail.revealBody'),
      okText: t('people.detail.revealOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'reveal-confirm' },
      onOk: async () => {
        try {
          setFull((await reveal.mutateAsync()).residentId);
        } catch (e) {
          void message.error(errorText(t, e));
        }
      },
    });

  return (
    <Space wrap>
      <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="resident-id" copyable={full ? { text: full } : false}>
        {full ?? masked}
      </Typography.Text>
      {full && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('people.detail.revealedNote')}
        </Typography.Text>
      )}
      {canReveal && !full && (
        <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} onClick={ask} data-testid="reveal-resident-id">
          {t('people.detail.revealId')}
        </Button>
      )}
      {full && (
        <Tooltip title={t('people.detail.hideId')}>
          <Button size="small" type="text" icon={<EyeInvisibleOutlined />} onClick={() => setFull(null)} aria-label={t('people.detail.hideId')} data-testid="hide-resident-id" />
        </Tooltip>
      )}
    </Space>
  );
}
