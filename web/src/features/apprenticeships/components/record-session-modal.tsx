import { App, Checkbox, Col, DatePicker, Form, Input, Row, Select, Switch, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { recordClassSessionRequest, sessionKindLabels, sessionKinds, type Apprentice, type ApprenticeshipClass, type SessionKind } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useRecordSession } from '../api/use-record-session.ts';

interface Values {
  date?: Dayjs | null;
  kind?: SessionKind;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  location?: string;
  topic?: string;
  videoRecorded?: boolean;
  attendeeIds?: string[];
}

/**
 * Records one session of the registered class and who attended: every apprentice in training is ticked to begin
 * with; the unticked are recorded absent. Times give the minutes; the hours count towards the policy thresholds.
 */
export function RecordSessionModal({ record, active, open, onClose }: { record: ApprenticeshipClass; active: Apprentice[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useRecordSession(record.id);
  const fail = useSaveFailure(form, tt, 'apprenticeships.codes');
  const ticked = (Form.useWatch('attendeeIds', form) as string[] | undefined) ?? [];

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      recordClassSessionRequest,
      {
        date: v.date?.format('YYYY-MM-DD'),
        kind: v.kind,
        startTime: v.startTime?.format('HH:mm'),
        endTime: v.endTime?.format('HH:mm'),
        location: v.location?.trim() || undefined,
        topic: v.topic?.trim() || undefined,
        videoRecorded: v.videoRecorded ?? false,
        attendeeIds: v.attendeeIds ?? [],
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const saved = await save.mutateAsync(input);
      void message.success(t('apprenticeships.progress.recorded', { date: saved.date }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const today = dayjs();
  return (
    <SaveModal open={open} width={680} title={t('apprenticeships.progress.recordTitle')} saving={save.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="session-save">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: today.isAfter(dayjs(record.endsOn)) ? dayjs(record.endsOn) : today, kind: 'centralised', videoRecorded: false, attendeeIds: active.map((a) => a.id) }}
        onValuesChange={clearIssuesOnChange(form)}
        data-testid="session-form"
      >
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="date" label={t('apprenticeships.progress.date')} required>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(today, 'day') || d.isBefore(dayjs(record.startsOn), 'day') || d.isAfter(dayjs(record.endsOn), 'day')}
                data-testid="session-date"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="kind" label={t('apprenticeships.progress.kind')} required>
              <Select options={sessionKinds.map((k) => ({ value: k, label: sessionKindLabels[k][locale] }))} data-testid="session-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="videoRecorded" label={t('apprenticeships.progress.videoRecorded')} valuePropName="checked">
              <Switch data-testid="session-video" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="startTime" label={t('apprenticeships.progress.startTime')} required>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} data-testid="session-start" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="endTime" label={t('apprenticeships.progress.endTime')} required>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} data-testid="session-end" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="location" label={t('apprenticeships.progress.location')} required>
              <Input maxLength={200} data-testid="session-location" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="topic" label={t('apprenticeships.progress.topic')} required>
              <Input maxLength={200} data-testid="session-topic" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="attendeeIds"
              label={`${t('apprenticeships.progress.attendees')}（${ticked.length} / ${active.length}）`}
              extra={active.length ? t('apprenticeships.progress.attendeesHint') : t('apprenticeships.progress.noneActive')}
            >
              <Checkbox.Group style={{ width: '100%' }} data-testid="session-attendees">
                <Row gutter={[8, 4]} style={{ width: '100%' }}>
                  {active.map((a) => (
                    <Col key={a.id} xs={12} sm={8}>
                      <Checkbox value={a.id}>
                        {a.personName}
                        {record.kind === 'grouped' && <Typography.Text type="secondary"> · {a.employerName}</Typography.Text>}
                      </Checkbox>
                    </Col>
                  ))}
                </Row>
              </Checkbox.Group>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
