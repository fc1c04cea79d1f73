import { App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { setCalendarOverrideRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { parseWith } from '../../../lib/forms.ts';
import { useSetOverride } from '../api/use-set-override.ts';

/** Makes a date a rest day or a working day, whatever the package says (system admin). */
export function OverrideModal({ open, defaultDate, onClose }: { open: boolean; defaultDate: Dayjs; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const setOverride = useSetOverride();
  const tt = withIssueTexts(t, 'calendarAdmin');
  const onFailure = useSaveFailure(form, tt);

  const save = async () => {
    const { date, ...values } = form.getFieldsValue() as { date?: Dayjs; kind?: string; name?: string; note?: string };
    if (!date) {
      form.setFields([{ name: 'date', errors: [t('errors.issues.REQUIRED')] }]);
      return;
    }
    const body = parseWith(setCalendarOverrideRequest, { ...values, note: values.note?.trim() ? values.note : null }, form, tt);
    if (!body) return;
    try {
      await setOverride.mutateAsync({ date: date.format('YYYY-MM-DD'), ...body });
      void message.success(t('calendarAdmin.saved'));
      onClose();
    } catch (e) {
      onFailure(e);
    }
  };

  return (
    <SaveModal open={open} title={t('calendarAdmin.addTitle')} saving={setOverride.isPending} onSave={save} onClose={onClose} saveTestId="override-save">
      <Typography.Paragraph type="secondary">{t('calendarAdmin.addHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ date: defaultDate, kind: 'holiday' }} onValuesChange={clearIssuesOnChange(form)}>
        <Form.Item name="date" label={t('calendarAdmin.date')} required>
          <DatePicker style={{ width: '100%' }} data-testid="override-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendarAdmin.kindField')} required>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendarAdmin.kindLong.holiday') },
              { value: 'workday', label: t('calendarAdmin.kindLong.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendarAdmin.name')} required>
          <Input maxLength={50} placeholder={t('calendarAdmin.namePlaceholder')} data-testid="override-name" />
        </Form.Item>
        <Form.Item name="note" label={t('calendarAdmin.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
