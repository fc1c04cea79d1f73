import { DatePicker, Form, Input, InputNumber, message } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { saveTrainingCostRequest, type TrainingCost } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText, parseWith, showIssues } from '../../../lib/forms.ts';
import { useSaveTrainingCost } from '../api/use-save-training-cost.ts';

interface Values {
  spentOn?: Dayjs;
  amountYuan?: number;
  description?: string;
}

/** Records a training cost or corrects one; amounts are typed in yuan and stored in fen. */
export function CostModal({ cost, open, onClose }: { cost: TrainingCost | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveTrainingCost();
  const submit = async () => {
    const values = form.getFieldsValue();
    const body = {
      spentOn: values.spentOn?.format('YYYY-MM-DD'),
      amountFen: values.amountYuan === undefined || values.amountYuan === null ? undefined : Math.round(values.amountYuan * 100),
      description: values.description ?? '',
      projectId: cost?.projectId ?? null,
    };
    const input = parseWith(saveTrainingCostRequest, body, form, t);
    if (!input) return;
    try {
      await save.mutateAsync({ id: cost?.id, input });
      void message.success(t('learningReports.costs.saved'));
      onClose();
    } catch (error) {
      const issues = error instanceof ApiError ? (error.details?.issues ?? []) : [];
      if (!showIssues(form, t, issues.map((i) => ({ ...i, path: i.path.replace('body.amountFen', 'body.amountYuan') })))) {
        void message.error(errorText(t, error));
      }
    }
  };
  return (
    <SaveModal open={open} title={t(cost ? 'learningReports.costs.editTitle' : 'learningReports.costs.addTitle')} saving={save.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="cost-save">
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={cost ? { spentOn: dayjs(cost.spentOn), amountYuan: cost.amountFen / 100, description: cost.description } : { spentOn: dayjs() }}
      >
        <Form.Item name="spentOn" label={t('learningReports.costs.spentOn')} required>
          <DatePicker style={{ width: '100%' }} data-testid="cost-spent-on" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('learningReports.costs.amount')} required>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="cost-amount" />
        </Form.Item>
        <Form.Item name="description" label={t('learningReports.costs.description')} required>
          <Input maxLength={200} placeholder={t('learningReports.costs.descriptionPlaceholder')} data-testid="cost-description" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
