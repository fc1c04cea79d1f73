import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Result, Skeleton, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { publishClaimsNoticeRequest, type PublishClaimsNoticeResult, type SubsidyClaim } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useNoticeWorkingDays } from '../api/use-notice-working-days.ts';
import { usePublishClaimsNotice } from '../api/use-publish-claims-notice.ts';
import { totalFen, yuanText } from './amount.ts';

interface PublishValues {
  title?: string;
  body?: string;
  workingDays?: number | null;
}

/**
 * Publishes approved claims together as one public notice (公示): an optional title and text (the server writes the
 * standard ones) and the period in working days, by default the longest of the claims' policy versions and at least
 * 5. Once published it leads to the notice.
 */
export function PublishNoticeModal({ claims, onClose, onPublished }: { claims: readonly SubsidyClaim[]; onClose: () => void; onPublished?: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'subsidyClaims.issues');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublishClaimsNotice();
  const fail = useSaveFailure(form, tt, 'subsidyClaims.codes');
  const defaultDays = useNoticeWorkingDays(claims.map((c) => c.computation.policy.id));
  const [result, setResult] = useState<PublishClaimsNoticeResult | null>(null);

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      publishClaimsNoticeRequest,
      {
        claimIds: claims.map((c) => c.id),
        title: v.title?.trim() || undefined,
        body: v.body?.trim() || undefined,
        workingDays: typeof v.workingDays === 'number' ? v.workingDays : undefined,
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      setResult(await publish.mutateAsync(input));
      void message.success(t('subsidyClaims.publish.done'));
      onPublished?.();
    } catch (e) {
      fail(e);
    }
  };

  if (result) {
    return (
      <Modal open title={t('subsidyClaims.publish.title')} footer={null} onCancel={onClose} destroyOnHidden>
        <Result
          status="success"
          title={t('subsidyClaims.publish.done')}
          subTitle={t('subsidyClaims.publish.doneBody', { count: result.claims, date: result.endsOn })}
          extra={
            <Space wrap>
              <Button type="primary" onClick={() => navigate(`/console/notices/${result.noticeId}`)} data-testid="published-notice-link">
                {t('subsidyClaims.publish.openNotice')}
              </Button>
              <Button href={`/public/notices/${result.noticeId}`} target="_blank" rel="noreferrer" data-testid="published-public-link">
                {t('subsidyClaims.publish.openPublic')}
              </Button>
              <Button onClick={onClose} data-testid="published-close">
                {t('subsidyClaims.publish.close')}
              </Button>
            </Space>
          }
          data-testid="publish-result"
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={640}
      title={t('subsidyClaims.publish.title')}
      okText={t('subsidyClaims.queue.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={publish.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ disabled: defaultDays === undefined, 'data-testid': 'publish-save' } as ButtonProps}
    >
      <Typography.Paragraph strong data-testid="publish-summary">
        {t('subsidyClaims.publish.claims', { count: claims.length, amount: yuanText(totalFen(claims)) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('subsidyClaims.publish.masked')}</Typography.Paragraph>
      {defaultDays === undefined ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ workingDays: defaultDays }} onValuesChange={clearIssuesOnChange(form)} data-testid="publish-form">
          <Form.Item name="title" label={t('subsidyClaims.publish.titleLabel')}>
            <Input maxLength={200} placeholder={t('subsidyClaims.publish.titlePlaceholder')} data-testid="publish-title" />
          </Form.Item>
          <Form.Item name="body" label={t('subsidyClaims.publish.body')}>
            <Input.TextArea rows={4} maxLength={4000} placeholder={t('subsidyClaims.publish.bodyPlaceholder')} data-testid="publish-body" />
          </Form.Item>
          <Form.Item name="workingDays" label={t('subsidyClaims.publish.workingDays')} extra={t('subsidyClaims.publish.workingDaysHelp', { days: defaultDays })}>
            <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} data-testid="publish-working-days" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
