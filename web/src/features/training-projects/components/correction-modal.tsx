import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { attendanceStateLabels, attendanceStates, type AttendanceState, type RosterEntry } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCorrectAttendance } from '../api/use-correct-attendance.ts';

/** The instructor's correction of one person's attendance, with the reason (kept in the audit trail). */
export function CorrectionModal({ sessionId, entry, onClose, onDone }: { sessionId: string; entry: RosterEntry | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ state: AttendanceState; note: string }>();
  const correct = useCorrectAttendance(sessionId);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const v = await form.validateFields();
    try {
      await correct.mutateAsync({ personId: entry!.personId, ...v });
      onDone();
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <SaveModal open={entry !== null} title={t('trainingProjects.roster.correctTitle', { name: entry?.name ?? '' })} saving={correct.isPending} onSave={() => void save()} onClose={onClose} saveTestId="correction-save">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ state: entry?.state ?? 'full' }} onValuesChange={clearIssuesOnChange(form)}>
        <Form.Item name="state" label={t('trainingProjects.roster.state')} rules={[{ required: true }]}>
          <Select data-testid="correction-state" options={attendanceStates.map((s) => ({ value: s, label: attendanceStateLabels[s][locale] }))} />
        </Form.Item>
        <Form.Item name="note" label={t('trainingProjects.roster.note')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} placeholder={t('trainingProjects.roster.notePlaceholder')} data-testid="correction-note" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
