import { App, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { addEmployeeRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useAddEmployee } from '../api/use-add-employee.ts';

interface Values {
  name?: string;
  residentId?: string;
  phone?: string;
  position?: string;
  startDate?: Dayjs | null;
  contractStart?: Dayjs | null;
  contractEnd?: Dayjs | null;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const date = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/**
 * Adds one employee with the same contract the server checks; the server's answers land on their fields
 * (a different registered name under the name, an existing employment under the resident ID).
 */
export function AddEmployeeModal({ organisationId, open, onClose }: { organisationId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'people.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddEmployee(organisationId);
  const fail = useSaveFailure(form, tt, 'people.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      addEmployeeRequest,
      {
        name: text(v.name),
        residentId: text(v.residentId),
        phone: text(v.phone),
        position: text(v.position),
        startDate: date(v.startDate),
        contractStart: date(v.contractStart),
        contractEnd: date(v.contractEnd),
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const employee = await add.mutateAsync(input);
      void message.success(t('people.employees.added', { name: employee.person.name }));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={640} title={t('people.employees.addTitle')} saving={add.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="add-employee-save">
      <Typography.Paragraph type="secondary">{t('people.employees.addHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="add-employee-form" onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('people.fields.name')} required>
              <Input maxLength={50} data-testid="employee-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="residentId" label={t('people.fields.residentId')} required>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="employee-resident-id" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('people.fields.phone')}>
              <Input maxLength={11} data-testid="employee-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={t('people.fields.position')} required>
              <Input maxLength={50} data-testid="employee-position" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="startDate" label={t('people.fields.startDate')} required>
              <DatePicker style={{ width: '100%' }} data-testid="employee-start-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} />
          <Col xs={24} sm={12}>
            <Form.Item name="contractStart" label={t('people.fields.contractStart')}>
              <DatePicker style={{ width: '100%' }} data-testid="employee-contract-start" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contractEnd" label={t('people.fields.contractEnd')} extra={t('people.employees.contractHint')}>
              <DatePicker style={{ width: '100%' }} data-testid="employee-contract-end" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
