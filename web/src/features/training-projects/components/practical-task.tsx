import { useState } from 'react';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyStage } from '@fulcrum/shared';
import { AttachmentList } from '../../../components/attachment-list.tsx';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useSubmitPractical } from '../api/use-submit-practical.ts';
import { dateTime } from './labels.tsx';

/** A practical task on the phone: what I handed in and its grade, and the form to hand in (again). */
export function PracticalTask({ projectId, stage, active }: { projectId: string; stage: MyStage; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; files?: string[] }>();
  const [open, setOpen] = useState(false);
  const submit = useSubmitPractical(projectId);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const { submission, standing } = stage;
  const mayHandIn = active && (standing.status === 'not_started' || standing.status === 'in_progress' || standing.status === 'failed');
  const save = async () => {
    const v = await form.validateFields();
    try {
      await submit.mutateAsync({ stageId: stage.id, text: v.text, attachmentId: v.files?.[0] ?? null });
      void message.success(t('trainingProjects.mobile.submitted'));
      setOpen(false);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Flex vertical gap={8}>
      {submission && (
        <div data-testid="my-submission">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>
            {submission.text}
          </Typography.Paragraph>
          {submission.attachmentId && <AttachmentList ids={[submission.attachmentId]} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('trainingProjects.mobile.submittedAt', { time: dateTime(submission.submittedAt) })}
          </Typography.Text>
          {standing.status === 'submitted' && <div>{t('trainingProjects.mobile.submitted')}</div>}
          {standing.score !== null && <div>{t('trainingProjects.mobile.yourScore', { score: standing.score, pass: stage.passScore ?? '' })}</div>}
          {submission.feedback && <div>{t('trainingProjects.mobile.feedback', { text: submission.feedback })}</div>}
        </div>
      )}
      {mayHandIn && !open && (
        <Button type="primary" block onClick={() => setOpen(true)} data-testid="practical-open">
          {t(submission ? 'trainingProjects.mobile.resubmit' : 'trainingProjects.mobile.submit')}
        </Button>
      )}
      {open && (
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={t('trainingProjects.mobile.submissionText')} rules={[{ required: true, whitespace: true, max: 8000 }]}>
            <Input.TextArea rows={5} placeholder={t('trainingProjects.mobile.submissionPlaceholder')} data-testid="practical-text" />
          </Form.Item>
          <Form.Item name="files" label={t('trainingProjects.mobile.attach')}>
            <AttachmentUpload data-testid="practical-file" />
          </Form.Item>
          <Button type="primary" block loading={submit.isPending} onClick={() => void save()} data-testid="practical-submit">
            {t('trainingProjects.mobile.submit')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}
