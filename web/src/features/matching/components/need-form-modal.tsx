import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { createTrainingNeedRequest, skillLevels } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCreateNeed } from '../api/use-create-need.ts';
import { useRegionParks } from '../api/use-region-parks.ts';
import { levelName, occupationOptions } from './labels.ts';

interface Values {
  occupation?: string;
  level?: number;
  headcount?: number | null;
  preferredStart?: Dayjs | null;
  preferredEnd?: Dayjs | null;
  industrialParkId?: string;
  location?: string;
  note?: string;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Posts a training need of the user's enterprise, then opens it to see the proposed centres. */
export function NeedFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { regionId } = useActor().activeMembership;
  const tt = withIssueTexts(t, 'matching.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const parks = useRegionParks(regionId);
  const create = useCreateNeed();
  const fail = useSaveFailure(form, tt, 'matching.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      createTrainingNeedRequest,
      {
        occupation: v.occupation,
        level: v.level,
        headcount: v.headcount ?? undefined,
        preferredStart: v.preferredStart?.format('YYYY-MM-DD'),
        preferredEnd: v.preferredEnd?.format('YYYY-MM-DD'),
        industrialParkId: v.industrialParkId,
        location: text(v.location),
        note: text(v.note),
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      const need = await create.mutateAsync(input);
      void message.success(t('matching.needs.posted'));
      form.resetFields();
      onClose();
      navigate(`/console/training-needs/${need.id}`);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} width={680} title={t('matching.needs.postTitle')} saving={create.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="need-save">
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="need-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="occupation" label={t('matching.fields.occupation')} required>
              <Select options={occupationOptions(locale)} showSearch={{ optionFilterProp: 'label' }} data-testid="need-occupation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('matching.fields.level')} required>
              <Select options={skillLevels.map((level) => ({ value: level, label: levelName(level, locale) }))} data-testid="need-level" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="headcount" label={t('matching.fields.headcount')} required>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="need-headcount" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="preferredStart" label={t('matching.fields.preferredStart')} required>
              <DatePicker style={{ width: '100%' }} data-testid="need-start" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="preferredEnd" label={t('matching.fields.preferredEnd')} required>
              <DatePicker style={{ width: '100%' }} data-testid="need-end" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="industrialParkId" label={t('matching.fields.park')} extra={t('matching.needs.parkHint')}>
              <Select
                allowClear
                loading={parks.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(parks.data ?? []).map((p) => ({ value: p.id, label: locale === 'zh-CN' ? p.nameZh : p.nameEn }))}
                data-testid="need-park"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="location" label={t('matching.fields.location')}>
              <Input maxLength={200} data-testid="need-location" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('matching.fields.note')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="need-note" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
