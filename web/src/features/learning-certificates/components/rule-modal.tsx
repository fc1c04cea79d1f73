import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { certificateTriggerKinds, createCertificateRuleRequest, type CertificateTriggerKind, type CreateCertificateRuleRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useCreateRule } from '../api/use-create-rule.ts';
import { useRuleOptions } from '../api/use-rule-options.ts';

type Values = Omit<CreateCertificateRuleRequest, 'triggerId'> & { triggerId?: string };

/** A new rule: what it is called, which project, course or exam triggers it, how long it lasts, what level it vouches for. */
export function RuleModal({ onClose, onCreated }: { onClose: () => void; onCreated: (title: string) => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'learningCertificates.issues');
  const [form] = Form.useForm<Values>();
  const options = useRuleOptions();
  const create = useCreateRule();
  const failed = useSaveFailure(form, tt, 'learningCertificates.codes');
  const kind = (Form.useWatch('triggerKind', form) ?? 'exam') as CertificateTriggerKind;
  const competencyId = Form.useWatch('competencyId', form);
  const targets = options.data?.[kind] ?? [];
  const maxLevel = options.data?.competencies.find((c) => c.id === competencyId)?.maxLevel ?? 5;

  const submit = async () => {
    const input = parseWith(createCertificateRuleRequest, form.getFieldsValue(true), form, tt);
    if (!input) return;
    try {
      const rule = await create.mutateAsync(input);
      onCreated(rule.title);
    } catch (error) {
      failed(error);
    }
  };

  return (
    <SaveModal open title={t('learningCertificates.form.title')} saving={create.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="rule-save">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: '', triggerKind: 'exam', validityMonths: 24, competencyId: null, competencyLevel: null }}
        onValuesChange={(changed: Partial<Values>) => {
          clearIssuesOnChange(form)(changed);
          if ('triggerKind' in changed) form.setFieldValue('triggerId', undefined);
          if ('competencyId' in changed) form.setFieldValue('competencyLevel', changed.competencyId ? 1 : null);
        }}
        data-testid="rule-form"
      >
        <Form.Item name="title" label={t('learningCertificates.form.name')} required>
          <Input maxLength={120} placeholder={t('learningCertificates.form.namePlaceholder')} data-testid="rule-title" />
        </Form.Item>
        <Form.Item name="triggerKind" label={t('learningCertificates.form.kind')} required>
          <Radio.Group
            optionType="button"
            options={certificateTriggerKinds.map((k) => ({ value: k, label: t(`learningCertificates.rules.triggerKinds.${k}`) }))}
            data-testid="rule-kind"
          />
        </Form.Item>
        <Form.Item name="triggerId" label={t(`learningCertificates.form.target.${kind}`)} required>
          <Select
            showSearch
            optionFilterProp="label"
            loading={options.isPending}
            placeholder={t('learningCertificates.form.targetPlaceholder')}
            notFoundContent={t('learningCertificates.form.noTargets')}
            options={targets.map((o) => ({ value: o.id, label: o.title }))}
            data-testid="rule-target"
          />
        </Form.Item>
        <Form.Item name="validityMonths" label={t('learningCertificates.form.validity')} extra={t('learningCertificates.form.validityHint')}>
          <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} data-testid="rule-validity" />
        </Form.Item>
        <Form.Item label={t('learningCertificates.form.competency')} extra={t('learningCertificates.form.competencyHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="competencyId" noStyle>
              <Select
                allowClear
                style={{ width: '70%' }}
                options={(options.data?.competencies ?? []).map((c) => ({ value: c.id, label: c.name }))}
                data-testid="rule-competency"
              />
            </Form.Item>
            <Form.Item name="competencyLevel" noStyle>
              <InputNumber min={1} max={maxLevel} precision={0} disabled={!competencyId} placeholder={t('learningCertificates.form.level')} style={{ width: '30%' }} data-testid="rule-level" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
