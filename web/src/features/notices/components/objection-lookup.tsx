import { Alert, Button, Descriptions, Form, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { objectionLookupRequest } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { parseWith } from '../../../lib/forms.ts';
import { useLookupObjection } from '../api/use-lookup-objection.ts';

/** Looks an objection up by its reference code and the phone number given, and shows its outcome. */
export function ObjectionLookup() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const lookup = useLookupObjection();
  const tt = withIssueTexts(t, 'notices.lookup');
  const submit = () => {
    const body = parseWith(objectionLookupRequest, form.getFieldsValue(), form, tt);
    if (body) lookup.mutate(body);
  };
  const result = lookup.data;
  const missing = lookup.error instanceof ApiError && lookup.error.status === 404;
  return (
    <div data-testid="objection-lookup">
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} onFinish={submit}>
        <Form.Item name="referenceCode" label={t('notices.lookup.referenceCode')} required>
          <Input maxLength={10} style={{ textTransform: 'uppercase', fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="lookup-code" />
        </Form.Item>
        <Form.Item name="phone" label={t('notices.lookup.phone')} required>
          <Input inputMode="tel" maxLength={11} data-testid="lookup-phone" />
        </Form.Item>
        <Button htmlType="submit" loading={lookup.isPending} block data-testid="lookup-submit">
          {t('notices.lookup.submit')}
        </Button>
      </Form>
      {lookup.error && (
        <Alert type={missing ? 'warning' : 'error'} showIcon style={{ marginTop: 16 }} title={missing ? t('notices.lookup.notFound') : errorTextIn(t, 'notices.lookup', lookup.error)} />
      )}
      {result && (
        <Descriptions column={1} size="small" bordered style={{ marginTop: 16 }} data-testid="lookup-result">
          <Descriptions.Item label={t('notices.lookup.notice')}>{result.noticeTitle}</Descriptions.Item>
          <Descriptions.Item label={t('notices.lookup.filedAt')}>{dayjs(result.filedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('notices.console.obj.status')}>
            <Tag color={result.status === 'open' ? 'processing' : result.outcome === 'upheld' ? 'red' : 'default'}>
              {result.outcome ? t(`notices.lookup.outcome.${result.outcome}`) : t(`notices.lookup.status.${result.status}`)}
            </Tag>
          </Descriptions.Item>
          {result.handledAt && <Descriptions.Item label={t('notices.lookup.handledAt')}>{dayjs(result.handledAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
          {result.handlingNote && <Descriptions.Item label={t('notices.lookup.note')}>{result.handlingNote}</Descriptions.Item>}
        </Descriptions>
      )}
    </div>
  );
}
