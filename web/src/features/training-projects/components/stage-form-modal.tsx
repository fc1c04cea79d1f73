import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { stageKinds, type CreateStageRequest, type StageKind } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useProjectOptions } from '../api/use-project-options.ts';

type Values = { kind: StageKind; title: string; description?: string; content?: string; dueDays?: number | null; passScore?: number | null };

/** Adds a stage: online stages pick a course or micro-course, practical tasks a pass score. */
export function StageFormModal({ open, saving, onSave, onClose }: { open: boolean; saving: boolean; onSave: (input: CreateStageRequest) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const options = useProjectOptions(open);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const v = await form.validateFields();
    const [contentKind, contentId] = (v.content ?? ':').split(':');
    try {
      await onSave({
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        courseId: contentKind === 'course' ? contentId! : null,
        lessonId: contentKind === 'lesson' ? contentId! : null,
        dueDays: v.dueDays ?? null,
        passScore: v.kind === 'practical' ? (v.passScore ?? null) : null,
      });
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  const contentOptions = [
    { label: t('trainingProjects.stages.courses'), options: (options.data?.courses ?? []).map((c) => ({ value: `course:${c.id}`, label: c.title })) },
    { label: t('trainingProjects.stages.lessons'), options: (options.data?.lessons ?? []).map((l) => ({ value: `lesson:${l.id}`, label: `${l.title}（${l.courseTitle ?? ''}）` })) },
  ];
  return (
    <SaveModal open={open} title={t('trainingProjects.stages.formTitle')} saving={saving} onSave={() => void save()} onClose={onClose} saveTestId="stage-save">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'online', passScore: 60 }} onValuesChange={clearIssuesOnChange(form)}>
        <Form.Item name="kind" label={t('trainingProjects.stages.kind')} rules={[{ required: true }]}>
          <Select data-testid="stage-kind" options={stageKinds.map((k) => ({ value: k, label: t(`trainingProjects.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('trainingProjects.stages.stageTitle')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="stage-title" />
        </Form.Item>
        {kind === 'online' && (
          <Form.Item name="content" label={t('trainingProjects.stages.courseOrLesson')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('trainingProjects.stages.coursePlaceholder')} options={contentOptions} loading={options.isPending} data-testid="stage-content" />
          </Form.Item>
        )}
        {kind === 'practical' && (
          <Form.Item name="passScore" label={t('trainingProjects.stages.passScore')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="dueDays" label={t('trainingProjects.stages.dueDays')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="stage-due-days" />
        </Form.Item>
        <Form.Item name="description" label={t('trainingProjects.stages.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
