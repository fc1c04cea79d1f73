import { App, DatePicker, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Employee } from '@fulcrum/shared';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useEndEmployment } from '../api/use-end-employment.ts';

/** Ends an employment on a chosen date (not before it started); the record stays with the status "Left". */
export function EndEmploymentModal({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ endDate: Dayjs | null }>();
  const end = useEndEmployment();
  const fail = useSaveFailure(form, withIssueTexts(t, 'people.issues'), 'people.codes');

  const submit = async () => {
    if (!employee) return;
    const endDate = form.getFieldValue('endDate') as Dayjs | null;
    if (!endDate) {
      form.setFields([{ name: 'endDate', errors: [t('errors.issues.REQUIRED')] }]);
      return;
    }
    try {
      await end.mutateAsync({ employmentId: employee.id, endDate: endDate.format('YYYY-MM-DD') });
      void message.success(t('people.employees.ended', { name: employee.person.name }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open={Boolean(employee)}
      title={employee ? t('people.employees.endTitle', { name: employee.person.name }) : null}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'end-employment-confirm' }}
      confirmLoading={end.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.employees.endBody')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} initialValues={{ endDate: dayjs() }}>
        <Form.Item name="endDate" label={t('people.fields.endDate')} required>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="end-employment-date"
            disabledDate={(d) => Boolean(employee && d.format('YYYY-MM-DD') < employee.startDate)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
