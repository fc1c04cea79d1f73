import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { recordAssessmentRequest, type TrainingCentre, type TrainingMatch } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useRecordAssessment } from '../api/use-record-assessment.ts';
import { occupationLevel, scopeLevelOptions, scopeOccupationOptions } from './labels.ts';

interface Values {
  name?: string;
  residentId?: string;
  occupation?: string;
  level?: number;
  assessedOn?: Dayjs | null;
  score?: number | null;
  passed?: boolean;
  matchId?: string;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Records one assessment result. The occupation and level selects offer only the centre's scope; the server checks
 * again, and its refusals land on the fields they name (outside the scope, a name that differs from the registered one).
 */
export function RecordAssessmentModal({
  centre,
  matches,
  open,
  onClose,
}: {
  centre: TrainingCentre;
  /** The centre's accepted or completed matches a trainee may have come through (none for roles that cannot see them). */
  matches: TrainingMatch[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'centreOps.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const occupation = Form.useWatch('occupation', form);
  const record = useRecordAssessment(centre.id);
  const fail = useSaveFailure(form, tt, 'centreOps.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      recordAssessmentRequest,
      {
        name: text(v.name),
        residentId: text(v.residentId)?.toUpperCase(),
        occupation: v.occupation,
        level: v.level,
        assessedOn: v.assessedOn ? v.assessedOn.format('YYYY-MM-DD') : undefined,
        score: v.score ?? undefined,
        passed: v.passed,
        matchId: v.matchId,
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const saved = await record.mutateAsync(input);
      void message.success(
        saved.certificateNo
          ? t('centreOps.assessments.recordedWithCertificate', { name: saved.personName, certificateNo: saved.certificateNo })
          : t('centreOps.assessments.recorded', { name: saved.personName }),
      );
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={640} title={t('centreOps.assessments.recordTitle')} saving={record.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="assessment-save">
      <Typography.Paragraph type="secondary">{t('centreOps.assessments.recordHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ assessedOn: dayjs(), passed: true }}
        onValuesChange={(changed: Partial<Values>) => {
          clearIssuesOnChange(form)(changed);
          // A level chosen for another occupation may not be in this one's scope.
          if ('occupation' in changed) form.setFieldValue('level', undefined);
        }}
        data-testid="assessment-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="residentId" label={t('centreOps.fields.residentId')} required>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="assessment-resident-id" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('centreOps.fields.name')} required>
              <Input maxLength={50} data-testid="assessment-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="occupation" label={t('centreOps.fields.occupation')} required>
              <Select options={scopeOccupationOptions(centre.scope, locale)} showSearch={{ optionFilterProp: 'label' }} data-testid="assessment-occupation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('centreOps.fields.level')} required>
              <Select options={scopeLevelOptions(centre.scope, occupation, locale)} disabled={!occupation} data-testid="assessment-level" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="assessedOn" label={t('centreOps.fields.assessedOn')} required>
              <DatePicker
                style={{ width: '100%' }}
                data-testid="assessment-date"
                disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.format('YYYY-MM-DD') < centre.certifiedOn}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="score" label={t('centreOps.fields.score')} required>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="assessment-score" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="passed" label={t('centreOps.fields.passed')} required>
              <Radio.Group
                data-testid="assessment-passed"
                options={[
                  { value: true, label: t('centreOps.passed.true') },
                  { value: false, label: t('centreOps.passed.false') },
                ]}
              />
            </Form.Item>
          </Col>
          {matches.length > 0 && (
            <Col xs={24}>
              <Form.Item name="matchId" label={t('centreOps.fields.match')}>
                <Select
                  allowClear
                  placeholder={t('centreOps.assessments.noMatch')}
                  data-testid="assessment-match"
                  options={matches.map((m) => ({
                    value: m.id,
                    label: `${m.organisationName} · ${occupationLevel(m.need.occupation, m.need.level, locale)} · ${t('centreOps.requests.headcountValue', { count: m.need.headcount })}`,
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </SaveModal>
  );
}
