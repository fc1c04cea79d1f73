import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { useSaveFailure } from '../../../lib/form-feedback.ts';
import { parseWith } from '../../../lib/forms.ts';

/** Change password: checks the policy in the page with the server's own rule, then asks the server. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const fail = useSaveFailure(form, t);

  const submit = async (values: { currentPassword: string; newPassword: string; confirm: string }) => {
    const { confirm, ...rest } = values;
    const input = parseWith(changePasswordRequest, rest, form, t);
    if (!input) return;
    if (confirm !== input.newPassword) {
      form.setFields([{ name: 'confirm', errors: [t('password.mismatch')] }]);
      return;
    }
    try {
      await api.post('/auth/change-password', input);
      form.resetFields();
      void message.success(t('password.done'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 480 }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('password.current')} required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.next')} extra={t('password.policy')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
