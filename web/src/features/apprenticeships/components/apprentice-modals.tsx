import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { leaveClassRequest, recordApprenticeAssessmentRequest, skillLevels, type Apprentice } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useLeaveClass } from '../api/use-leave-class.ts';
import { useRecordAssessment } from '../api/use-record-assessment.ts';
import { levelName } from './labels.ts';

/** Records that an apprentice left the registered class: the date and why (their advance is clawed back at settlement). */
export function LeaveModal({ apprentice, onClose }: { apprentice: Apprentice; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leftOn?: Dayjs | null; reason?: string }>();
  const leave = useLeaveClass();
  const fail = useSaveFailure(form, tt, 'apprenticeships.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(leaveClassRequest, { leftOn: v.leftOn?.format('YYYY-MM-DD'), reason: v.reason?.trim() || undefined }, form, tt);
    if (!input) return;
    try {
      await leave.mutateAsync({ apprenticeId: apprentice.id, input });
      void message.success(t('apprenticeships.roster.leaveSaved'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open title={`${t('apprenticeships.roster.leaveTitle')}：${apprentice.personName}`} saving={leave.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="leave-save">
      <Form form={form} layout="vertical" initialValues={{ leftOn: dayjs() }} onValuesChange={clearIssuesOnChange(form)} data-testid="leave-form">
        <Form.Item name="leftOn" label={t('apprenticeships.roster.leftOnLabel')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="leave-date" />
        </Form.Item>
        <Form.Item name="reason" label={t('apprenticeships.roster.reason')} required>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="leave-reason" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

interface AssessmentValues {
  assessedOn?: Dayjs | null;
  passed?: boolean;
  levelReached?: number | null;
  certificateNo?: string;
}

/** An apprentice's skill-level assessment: a pass names the level reached and the certificate number. */
export function AssessmentModal({ apprentice, targetLevel, onClose }: { apprentice: Apprentice; targetLevel: number; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const passed = Form.useWatch('passed', form) as boolean | undefined;
  const record = useRecordAssessment();
  const fail = useSaveFailure(form, tt, 'apprenticeships.codes');
  const a = apprentice.assessment;
  const initial: AssessmentValues = a
    ? { assessedOn: dayjs(a.assessedOn), passed: a.passed, levelReached: a.levelReached, certificateNo: a.certificateNo ?? undefined }
    : { assessedOn: dayjs(), passed: true, levelReached: targetLevel };

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      recordApprenticeAssessmentRequest,
      {
        assessedOn: v.assessedOn?.format('YYYY-MM-DD'),
        passed: v.passed,
        levelReached: v.passed ? (v.levelReached ?? null) : null,
        certificateNo: v.passed ? v.certificateNo?.trim() || null : null,
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      await record.mutateAsync({ apprenticeId: apprentice.id, input });
      void message.success(t('apprenticeships.roster.assessSaved'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open title={t('apprenticeships.roster.assessTitle', { name: apprentice.personName })} saving={record.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="assessment-save">
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={clearIssuesOnChange(form)} data-testid="assessment-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="assessedOn" label={t('apprenticeships.roster.assessedOn')} required>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="assessment-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="passed" label={t('apprenticeships.roster.result')} required>
              <Radio.Group
                data-testid="assessment-passed"
                options={[
                  { value: true, label: t('apprenticeships.roster.resultPassed') },
                  { value: false, label: t('apprenticeships.roster.resultFailed') },
                ]}
              />
            </Form.Item>
          </Col>
          {passed !== false && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="levelReached" label={t('apprenticeships.roster.levelReached')} required>
                  <Select options={skillLevels.map((l) => ({ value: l, label: levelName(l, locale) }))} data-testid="assessment-level" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="certificateNo" label={t('apprenticeships.roster.certificateNo')} required>
                  <Input maxLength={50} data-testid="assessment-certificate" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </SaveModal>
  );
}
