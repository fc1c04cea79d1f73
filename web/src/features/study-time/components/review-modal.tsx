import { useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { studyFlagKindLabels, type StudyFlag } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useReviewFlag } from '../api/use-review-flag.ts';

/** The review of one flag: cleared or confirmed, with a note. */
export function ReviewModal({ flag, onClose }: { flag: StudyFlag | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const review = useReviewFlag();
  const [decision, setDecision] = useState<'cleared' | 'confirmed'>('cleared');
  const [note, setNote] = useState('');
  const isNoteShort = note.trim().length < 2;
  const submit = () => {
    if (!flag) return;
    review.mutate(
      { id: flag.id, decision, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('studyTime.review.done'));
          setNote('');
          onClose();
        },
        onError: (error) => void message.error(errorText(t, error)),
      },
    );
  };
  return (
    <Modal
      open={flag !== null}
      title={flag ? t('studyTime.review.dialogTitle', { name: flag.personName, kind: studyFlagKindLabels[flag.kind][locale] }) : ''}
      okText={t('studyTime.review.submit')}
      okButtonProps={{ disabled: isNoteShort, danger: decision === 'confirmed', ...({ 'data-testid': 'review-submit' } as Record<string, string>) }}
      confirmLoading={review.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('studyTime.review.decision')}>
          <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'cleared' | 'confirmed')} data-testid="review-decision">
            <Radio value="cleared">{t('studyTime.review.cleared')}</Radio>
            <Radio value="confirmed">{t('studyTime.review.confirmed')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('studyTime.review.note')} required>
          <Input.TextArea rows={3} maxLength={500} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('studyTime.review.notePlaceholder')} data-testid="review-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
