import { App, Empty, Form, Input, InputNumber, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishBatchNoticeRequest, type SelectionBatchDetail } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, errorTextIn, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useApplications } from '../api/use-applications.ts';
import { useAddBatchApplication } from '../api/use-batch-applications.ts';
import { usePublishBatchNotice } from '../api/use-batch-transition.ts';
import { scopeText } from './labels.ts';

/** Picks one approved application of the region (not yet in a batch) and puts it into the batch. */
export function AddApplicationModal({ batch, onClose }: { batch: SelectionBatchDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const approved = useApplications({ status: 'approved', pageSize: 100, sort: 'submittedAt' });
  const add = useAddBatchApplication(batch.id);
  const [chosen, setChosen] = useState<string>();
  const options = (approved.data?.items ?? []).map((a) => ({
    value: a.id,
    label: a.organisationName,
    scope: scopeText(a.scope, locale),
  }));

  const submit = async () => {
    if (!chosen) return;
    try {
      await add.mutateAsync(chosen);
      void message.success(t('trainingCentres.batches.added'));
      onClose();
    } catch (e) {
      void message.error(errorTextIn(t, 'trainingCentres.codes', e));
    }
  };

  return (
    <Modal
      open
      title={t('trainingCentres.batches.addTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ disabled: !chosen, 'data-testid': 'batch-add-confirm' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {approved.data && options.length === 0 ? (
        <Empty description={t('trainingCentres.batches.addNone')} data-testid="batch-add-none" />
      ) : (
        <Select
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={approved.isFetching}
          placeholder={t('trainingCentres.batches.addPlaceholder')}
          value={chosen}
          onChange={setChosen}
          options={options}
          optionRender={(option) => (
            <div>
              <div>{option.data.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                {option.data.scope}
              </Typography.Text>
            </div>
          )}
          data-testid="batch-add-select"
        />
      )}
    </Modal>
  );
}

interface PublishValues {
  title?: string;
  body?: string;
  workingDays?: number | null;
}

/** Publishes the batch's list for public notice: title and text (a standard text to start from) and the working days it lasts. */
export function PublishNoticeModal({ batch, onClose }: { batch: SelectionBatchDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'trainingCentres.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublishBatchNotice(batch.id);
  const fail = useSaveFailure(form, tt, 'trainingCentres.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      publishBatchNoticeRequest,
      { title: v.title?.trim() || undefined, body: v.body?.trim() || undefined, workingDays: typeof v.workingDays === 'number' ? v.workingDays : undefined },
      form,
      tt,
    );
    if (!input) return;
    try {
      await publish.mutateAsync(input);
      void message.success(t('trainingCentres.batches.published'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('trainingCentres.batches.publishTitle')}
      okText={t('trainingCentres.batches.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={publish.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'publish-save' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: t('trainingCentres.batches.defaultTitle', { name: batch.name }),
          body: t('trainingCentres.batches.defaultBody', { name: batch.name }),
        }}
        onValuesChange={clearIssuesOnChange(form)}
        data-testid="publish-form"
      >
        <Form.Item name="title" label={t('trainingCentres.batches.noticeTitle')}>
          <Input maxLength={200} data-testid="publish-title" />
        </Form.Item>
        <Form.Item name="body" label={t('trainingCentres.batches.noticeBody')}>
          <Input.TextArea rows={6} maxLength={8000} showCount data-testid="publish-body" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('trainingCentres.batches.workingDays')} extra={t('trainingCentres.batches.workingDaysHint')}>
          <InputNumber min={5} max={30} precision={0} style={{ width: 160 }} data-testid="publish-working-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
