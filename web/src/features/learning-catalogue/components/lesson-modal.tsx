import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Progress, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { lessonKinds, MICRO_COURSE_MAX_SECONDS, type LessonKind, type LessonRequest, type Section } from '@fulcrum/shared';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useKnowledgePoints } from '../api/use-knowledge-points.ts';
import { useUploadMedia } from '../api/use-upload-media.ts';
import { catalogueError } from './error-text.ts';

const withMedia: LessonKind[] = ['video', 'micro_course', 'document'];

/** Adds a lesson to a course: kind, title, length, knowledge points, and a video or PDF uploaded with progress. */
export function LessonModal({ courseId, sections, onClose }: { courseId: string; sections: Section[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LessonRequest>();
  const [percent, setPercent] = useState<number | null>(null);
  const [mediaName, setMediaName] = useState<string | null>(null);
  const points = useKnowledgePoints({});
  const upload = useUploadMedia(setPercent);
  const create = useCatalogueMutation<LessonRequest>('POST', () => `/learning/courses/${courseId}/lessons`);
  const kind = Form.useWatch('kind', form);
  const uploadFile = async (file: File) => {
    try {
      const media = await upload.mutateAsync(file);
      form.setFieldValue('mediaId', media.id);
      setMediaName(media.fileName);
    } catch (error) {
      message.error(catalogueError(t, error));
    }
    setPercent(null);
  };
  const submit = async (values: LessonRequest) => {
    try {
      await create.mutateAsync(values);
      onClose();
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  return (
    <Modal open title={t('catalogue.editor.addLesson')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} width={600}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'micro_course', durationSeconds: 300, knowledgePointIds: [], sectionId: sections[0]?.id ?? null }}>
        <Form.Item name="sectionId" label={t('catalogue.editor.section')}>
          <Select allowClear options={sections.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('catalogue.editor.kind')} extra={kind === 'micro_course' ? t('catalogue.editor.microHint') : undefined}>
          <Select options={lessonKinds.map((k) => ({ value: k, label: t(`catalogue.kind.${k}`) }))} data-testid="lesson-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('catalogue.editor.lessonTitle')} rules={[{ required: true }]}><Input data-testid="lesson-title" /></Form.Item>
        <Form.Item name="durationSeconds" label={t('catalogue.editor.seconds')}>
          <InputNumber min={0} max={kind === 'micro_course' ? MICRO_COURSE_MAX_SECONDS : 86_400} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="knowledgePointIds" label={t('catalogue.editor.points')}>
          <Select mode="multiple" showSearch optionFilterProp="label" maxCount={kind === 'micro_course' ? 3 : undefined} options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="lesson-points" />
        </Form.Item>
        {kind === 'rich_text' && <Form.Item name="body" label={t('catalogue.editor.body')}><Input.TextArea rows={4} /></Form.Item>}
        {withMedia.includes(kind) && (
          <Form.Item name="mediaId" label={t('catalogue.editor.media')}>
            <div>
              <Upload accept="video/mp4,video/webm,application/pdf" showUploadList={false} beforeUpload={(file) => { void uploadFile(file); return false; }}>
                <a data-testid="lesson-upload"><UploadOutlined /> {t('catalogue.editor.upload')}</a>
              </Upload>
              {percent !== null && <Progress percent={percent} size="small" />}
              {mediaName && <Typography.Text type="success"> {t('catalogue.editor.uploaded', { name: mediaName })}</Typography.Text>}
            </div>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
