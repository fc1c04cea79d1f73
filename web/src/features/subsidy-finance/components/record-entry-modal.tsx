import { Alert, App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ledgerEntryKindLabels, recordLedgerEntryRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { ApiError } from '../../../lib/api.ts';
import { showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useLedger } from '../api/use-ledger.ts';
import { useRecordEntry } from '../api/use-record-entry.ts';
import { ClassSelect } from './class-select.tsx';
import { entryFieldOf, entryIssueOf, entryRequestOf, type EntryValues } from './entry-form.ts';
import { yuanText } from './money.ts';

const dateProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/**
 * The finance bureau books a refund received or a correction (a compensating entry naming the entry it corrects,
 * picked from the class's entries). Mount it only while open: each opening starts from `initial`.
 */
export function RecordEntryModal({ initial, onClose }: { initial: EntryValues; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const tt = withIssueTexts(t, 'subsidyFinance.issues');
  const [form] = Form.useForm<EntryValues>();
  const record = useRecordEntry();
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const classId = Form.useWatch('classId', form) ?? initial.classId;
  const classEntries = useLedger({ classId, sort: '-seq', pageSize: 100 }, { enabled: kind === 'correction' && Boolean(classId) });

  const submit = async () => {
    const values = form.getFieldsValue(true) as EntryValues;
    const request = entryRequestOf(values);
    const checked = recordLedgerEntryRequest.safeParse(request);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => entryIssueOf(request, i as Parameters<typeof entryIssueOf>[1]));
      showIssues(form, tt, issues.map((i) => ({ ...i, path: ['body', ...i.path].join('.') })));
      return;
    }
    try {
      const entry = await record.mutateAsync(checked.data);
      void message.success(t('subsidyFinance.entry.saved', { seq: entry.seq }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.details?.issues) {
        const issues = error.details.issues.map((i) => {
          const parts = i.path.split('.');
          if (parts[0] === 'body') parts.shift();
          return { ...i, path: ['body', ...entryFieldOf(parts)].join('.') };
        });
        if (showIssues(form, tt, issues)) return;
      }
      void message.error(errorTextIn(t, 'subsidyFinance.codes', error));
    }
  };

  return (
    <SaveModal open width={640} title={t('subsidyFinance.entry.title')} saving={record.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="entry-save">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ bookedOn: dayjs().format('YYYY-MM-DD'), ...initial }}
        onValuesChange={(changed: Partial<EntryValues>) => {
          clearIssuesOnChange(form)(changed);
          // Another class has other entries: the one picked no longer belongs.
          if ('classId' in changed) form.setFieldValue('correctsEntryId', undefined);
        }}
        data-testid="entry-form"
      >
        <Form.Item name="kind" label={t('subsidyFinance.entry.kind')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'refund', label: t('subsidyFinance.entry.kindRefund') },
              { value: 'correction', label: t('subsidyFinance.entry.kindCorrection') },
            ]}
            data-testid="entry-kind"
          />
        </Form.Item>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={kind === 'correction' ? t('subsidyFinance.entry.correctionHint') : t('subsidyFinance.entry.refundHint')} />
        <Form.Item name="classId" label={t('subsidyFinance.entry.class')} required>
          <ClassSelect placeholder={t('subsidyFinance.ledger.classSearch')} style={{ width: '100%' }} testId="entry-class" allowClear={false} />
        </Form.Item>
        {kind === 'correction' && (
          <Form.Item name="correctsEntryId" label={t('subsidyFinance.entry.corrects')} required>
            <Select
              placeholder={t('subsidyFinance.entry.correctsPlaceholder')}
              loading={classEntries.isFetching}
              disabled={!classId}
              popupMatchSelectWidth={false}
              options={(classEntries.data?.items ?? []).map((e) => ({
                value: e.id,
                label: t('subsidyFinance.entry.correctsOption', { seq: e.seq, date: e.bookedOn, kind: ledgerEntryKindLabels[e.kind][locale], amount: yuanText(e.amountFen) }),
              }))}
              data-testid="entry-corrects"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="amount" label={t('subsidyFinance.entry.amount')} required>
              <Input
                inputMode="decimal"
                prefix="¥"
                placeholder={kind === 'correction' ? t('subsidyFinance.entry.amountCorrectionPlaceholder') : t('subsidyFinance.entry.amountRefundPlaceholder')}
                data-testid="entry-amount"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="bookedOn" label={t('subsidyFinance.entry.bookedOn')} required {...dateProps}>
              <DatePicker style={{ width: '100%' }} data-testid="entry-booked-on" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="bankReference" label={t('subsidyFinance.entry.bankReference')}>
              <Input maxLength={64} data-testid="entry-bank-reference" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('subsidyFinance.entry.note')} required>
              <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('subsidyFinance.entry.notePlaceholder')} data-testid="entry-note" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
