import { App, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createSelectionBatchRequest, type SelectionBatch } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useCreateBatch } from '../api/use-create-batch.ts';

interface Values {
  name?: string;
  year?: number | null;
  quota?: number | null;
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
  validityYears?: number | null;
}

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const num = (n: number | null | undefined) => (typeof n === 'number' ? n : undefined);

/** Opens a selection batch: name, year, quota, the selection period and how many years its certificates are valid. */
export function CreateBatchModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (batch: SelectionBatch) => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'trainingCentres.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBatch();
  const fail = useSaveFailure(form, tt, 'trainingCentres.codes');
  const year = dayjs().year();

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      createSelectionBatchRequest,
      { name: v.name?.trim() || undefined, year: num(v.year), quota: num(v.quota), opensOn: date(v.opensOn), closesOn: date(v.closesOn), validityYears: num(v.validityYears) },
      form,
      tt,
    );
    if (!input) return;
    try {
      const batch = await create.mutateAsync(input);
      void message.success(t('trainingCentres.batches.created'));
      onCreated(batch);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={600} title={t('trainingCentres.batches.create')} saving={create.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="batch-save">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, validityYears: 3, opensOn: dayjs(), closesOn: dayjs().endOf('year') }}
        onValuesChange={clearIssuesOnChange(form)}
        data-testid="batch-form"
      >
        <Form.Item name="name" label={t('trainingCentres.batches.name')} required>
          <Input maxLength={100} placeholder={t('trainingCentres.batches.namePlaceholder', { year })} data-testid="batch-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="year" label={t('trainingCentres.batches.year')} required>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="batch-year" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="quota" label={t('trainingCentres.batches.quota')} required>
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="batch-quota" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="validityYears" label={t('trainingCentres.batches.validityYears')} required>
              <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} data-testid="batch-validity" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="opensOn" label={t('trainingCentres.batches.opensOn')} required>
              <DatePicker style={{ width: '100%' }} data-testid="batch-opens" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="closesOn" label={t('trainingCentres.batches.closesOn')} required>
              <DatePicker style={{ width: '100%' }} data-testid="batch-closes" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
