import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { recordTrainingRequest, type TrainingCentre, type TrainingMatch } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useRecordTraining } from '../api/use-record-training.ts';
import { occupationLevel, scopeLevelOptions, scopeOccupationOptions } from './labels.ts';

interface Values {
  title?: string;
  occupation?: string;
  level?: number;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  traineeCount?: number | null;
  matchId?: string;
}

/** Records one training (a class) within the scope; the server's refusals land on their fields. */
export function RecordTrainingModal({ centre, matches, open, onClose }: { centre: TrainingCentre; matches: TrainingMatch[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'centreOps.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const occupation = Form.useWatch('occupation', form);
  const record = useRecordTraining(centre.id);
  const fail = useSaveFailure(form, tt, 'centreOps.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      recordTrainingRequest,
      {
        title: v.title?.trim() || undefined,
        occupation: v.occupation,
        level: v.level,
        startsOn: v.startsOn?.format('YYYY-MM-DD'),
        endsOn: v.endsOn?.format('YYYY-MM-DD'),
        traineeCount: v.traineeCount ?? undefined,
        matchId: v.matchId,
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const saved = await record.mutateAsync(input);
      void message.success(t('centreOps.trainings.recorded', { title: saved.title }));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={640} title={t('centreOps.trainings.recordTitle')} saving={record.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="training-save">
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<Values>) => {
          clearIssuesOnChange(form)(changed);
          if ('occupation' in changed) form.setFieldValue('level', undefined);
        }}
        data-testid="training-form"
      >
        <Form.Item name="title" label={t('centreOps.fields.title')} required>
          <Input maxLength={200} data-testid="training-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="occupation" label={t('centreOps.fields.occupation')} required>
              <Select options={scopeOccupationOptions(centre.scope, locale)} showSearch={{ optionFilterProp: 'label' }} data-testid="training-occupation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('centreOps.fields.level')} required>
              <Select options={scopeLevelOptions(centre.scope, occupation, locale)} disabled={!occupation} data-testid="training-level" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="startsOn" label={t('centreOps.fields.startsOn')} required>
              <DatePicker style={{ width: '100%' }} data-testid="training-starts" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="endsOn" label={t('centreOps.fields.endsOn')} required>
              <DatePicker style={{ width: '100%' }} data-testid="training-ends" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="traineeCount" label={t('centreOps.fields.traineeCount')} required>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="training-trainees" />
            </Form.Item>
          </Col>
          {matches.length > 0 && (
            <Col xs={24}>
              <Form.Item name="matchId" label={t('centreOps.fields.match')}>
                <Select
                  allowClear
                  placeholder={t('centreOps.assessments.noMatch')}
                  data-testid="training-match"
                  options={matches.map((m) => ({ value: m.id, label: `${m.organisationName} · ${occupationLevel(m.need.occupation, m.need.level, locale)}` }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </SaveModal>
  );
}
