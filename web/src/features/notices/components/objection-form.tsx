import { useState } from 'react';
import { Alert, Button, Form, Input, Result, Select, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileObjectionRequest, type FileObjectionResponse, type PublicNotice } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { parseWith, showIssues } from '../../../lib/forms.ts';
import { useFileObjection } from '../api/use-file-objection.ts';
import { entryLabel } from './entries-view.tsx';

const WHOLE = '';

/** The real-name objection form of an open notice, with its privacy note; after filing, the reference code to keep. */
export function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const filing = useFileObjection(notice.id);
  const [filed, setFiled] = useState<FileObjectionResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tt = withIssueTexts(t, 'notices.objection');

  if (notice.state !== 'open') {
    return <Alert type="info" showIcon title={t(notice.state === 'ended' ? 'notices.objection.closed' : 'notices.objection.notYet')} data-testid="objection-closed" />;
  }
  if (filed) {
    return (
      <Result
        status="success"
        title={t('notices.objection.filed')}
        subTitle={t('notices.objection.filedHint')}
        data-testid="objection-filed"
        extra={
          <>
            <div style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">{t('notices.objection.referenceCode')}</Typography.Text>
              <Typography.Title level={2} copyable style={{ margin: 0, letterSpacing: 2, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="objection-reference">
                {filed.referenceCode}
              </Typography.Title>
            </div>
            <Button
              onClick={() => {
                form.resetFields();
                setFiled(null);
              }}
            >
              {t('notices.objection.fileAnother')}
            </Button>
          </>
        }
      />
    );
  }

  const submit = async () => {
    setProblem(null);
    const values = form.getFieldsValue();
    const body = parseWith(fileObjectionRequest, { ...values, entryRef: values.entryRef || undefined }, form, tt);
    if (!body) return;
    try {
      setFiled(await filing.mutateAsync(body));
    } catch (e) {
      if (e instanceof ApiError && e.details?.issues && showIssues(form, tt, e.details.issues)) return;
      setProblem(errorTextIn(t, 'notices.objection', e));
    }
  };

  return (
    <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} onFinish={submit} initialValues={{ entryRef: WHOLE }} data-testid="objection-form">
      <Alert type="warning" showIcon icon={<SafetyOutlined />} title={t('notices.objection.privacy')} style={{ marginBottom: 16 }} data-testid="objection-privacy" />
      <Form.Item name="name" label={t('notices.objection.name')} required>
        <Input autoComplete="name" maxLength={50} data-testid="objection-name" />
      </Form.Item>
      <Form.Item name="residentId" label={t('notices.objection.residentId')} required>
        <Input autoComplete="off" maxLength={18} data-testid="objection-resident-id" />
      </Form.Item>
      <Form.Item name="phone" label={t('notices.objection.phone')} required>
        <Input autoComplete="tel" inputMode="tel" maxLength={11} data-testid="objection-phone" />
      </Form.Item>
      <Form.Item name="entryRef" label={t('notices.objection.entry')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="objection-entry"
          options={[
            { value: WHOLE, label: t('notices.objection.wholeNotice') },
            ...notice.entries.map((e) => ({ value: e.ref, label: entryLabel(notice.columns, e) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="content" label={t('notices.objection.content')} required>
        <Input.TextArea rows={5} showCount maxLength={2000} placeholder={t('notices.objection.contentPlaceholder')} data-testid="objection-content" />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="objection-error" />}
      <Button type="primary" htmlType="submit" loading={filing.isPending} block data-testid="objection-submit">
        {t('notices.objection.submit')}
      </Button>
    </Form>
  );
}
