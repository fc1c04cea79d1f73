import { useState } from 'react';
import { Checkbox, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PracticalSubmission } from '@fulcrum/shared';
import { AttachmentList } from '../../../components/attachment-list.tsx';
import { SaveModal } from '../../../components/save-modal.tsx';
import { useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useGrade } from '../api/use-grade.ts';
import { useSubmissions } from '../api/use-submissions.ts';
import { dateTime, StageStatusTag } from './labels.tsx';

function GradeModal({ projectId, submission, onClose }: { projectId: string; submission: PracticalSubmission | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ score: number; feedback?: string }>();
  const grade = useGrade(projectId);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const v = await form.validateFields();
    try {
      await grade.mutateAsync({ stageId: submission!.stageId, personId: submission!.personId, score: v.score, feedback: v.feedback ?? '' });
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <SaveModal
      open={submission !== null}
      title={submission ? t('trainingProjects.submissions.gradeTitle', { name: submission.name, stage: submission.stageTitle }) : ''}
      saving={grade.isPending}
      onSave={() => void save()}
      onClose={onClose}
      saveTestId="grade-save"
    >
      {submission && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{submission.text}</Typography.Paragraph>
          {submission.attachmentId && <AttachmentList ids={[submission.attachmentId]} />}
        </Flex>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="score" label={t('trainingProjects.submissions.score', { pass: submission?.passScore ?? '' })} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="grade-score" />
        </Form.Item>
        <Form.Item name="feedback" label={t('trainingProjects.submissions.feedback')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

/** Practical hand-ins with their grades; pending ones first to grade. */
export function SubmissionsTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [pendingOnly, setPendingOnly] = useState(true);
  const [grading, setGrading] = useState<PracticalSubmission | null>(null);
  const submissions = useSubmissions(projectId, pendingOnly);
  return (
    <Flex vertical gap={12}>
      <Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)} data-testid="pending-only">
        {t('trainingProjects.submissions.pendingOnly')}
      </Checkbox>
      <Table<PracticalSubmission>
        size="middle"
        rowKey={(r) => `${r.stageId}:${r.personId}`}
        data-testid="submission-table"
        loading={submissions.isFetching}
        dataSource={submissions.data?.items}
        locale={{ emptyText: t('trainingProjects.submissions.empty') }}
        scroll={{ x: 800 }}
        columns={[
          { key: 'name', title: t('trainingProjects.submissions.columns.name'), dataIndex: 'name' },
          { key: 'stage', title: t('trainingProjects.submissions.columns.stage'), dataIndex: 'stageTitle' },
          { key: 'text', title: t('trainingProjects.submissions.columns.text'), render: (_, r) => <Typography.Text ellipsis style={{ maxWidth: 260 }}>{r.text}</Typography.Text> },
          { key: 'submittedAt', title: t('trainingProjects.submissions.columns.submittedAt'), render: (_, r) => dateTime(r.submittedAt) },
          { key: 'status', title: t('trainingProjects.submissions.columns.status'), render: (_, r) => <StageStatusTag status={r.status} /> },
          { key: 'score', title: t('trainingProjects.submissions.columns.score'), render: (_, r) => (r.score === null ? '—' : `${r.score} / ${r.passScore ?? ''}`) },
          {
            key: 'grade',
            render: (_, r) =>
              r.status === 'submitted' ? (
                <a onClick={() => setGrading(r)} data-testid="grade-open">
                  {t('trainingProjects.submissions.grade')}
                </a>
              ) : (
                <Typography.Text type="secondary">{r.gradedByName}</Typography.Text>
              ),
          },
        ]}
      />
      <GradeModal projectId={projectId} submission={grading} onClose={() => setGrading(null)} />
    </Flex>
  );
}
