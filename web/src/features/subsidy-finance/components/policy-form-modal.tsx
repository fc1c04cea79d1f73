import { useMemo } from 'react';
import { Alert, App, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { advanceBasisLabels, advanceBases, apprenticeshipLevels, type SubsidyPolicy } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { ApiError } from '../../../lib/api.ts';
import { showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useCreatePolicy } from '../api/use-create-policy.ts';
import { useRegions } from '../api/use-regions.ts';
import { useRevisePolicy } from '../api/use-revise-policy.ts';
import { emptyPolicyValues, policyValuesOf, rateKey, serverIssuesOnForm, validatePolicy, type PolicyValues } from './policy-form.ts';

export type PolicyFormMode = { kind: 'create' } | { kind: 'revise'; latest: SubsidyPolicy };

/** A date field whose form value is the ISO date text the contract takes. */
const dateProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/**
 * Mount it only while open, keyed by what it edits: each opening starts from a fresh form with its own initial values.
 * Sets a year's first version or writes the next one: amounts typed in yuan (sent as fen), ratios in per cent (sent as
 * basis points). A revision is prefilled with the latest version and needs a reason; the claims filed keep their version.
 */
export function PolicyFormModal({
  mode,
  withRegion,
  onClose,
  onSaved,
}: {
  mode: PolicyFormMode;
  withRegion: boolean;
  onClose: () => void;
  onSaved?: (policy: SubsidyPolicy) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const tt = withIssueTexts(t, 'subsidyFinance.issues');
  const [form] = Form.useForm<PolicyValues>();
  const create = useCreatePolicy();
  const revise = useRevisePolicy();
  const regions = useRegions(withRegion && mode.kind === 'create');
  const isRevision = mode.kind === 'revise';
  const initial = useMemo(() => (mode.kind === 'revise' ? policyValuesOf(mode.latest) : emptyPolicyValues(dayjs().year())), [mode]);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.details?.issues && showIssues(form, tt, serverIssuesOnForm(error.details.issues))) return;
    void message.error(errorTextIn(t, 'subsidyFinance.codes', error));
  };

  const saved = (policy: SubsidyPolicy) => {
    if (policy.warnings.length) void message.warning(t('subsidyFinance.policy.savedWithWarnings', { count: policy.warnings.length }));
    else void message.success(policy.version > 1 ? t('subsidyFinance.policy.revised', { version: policy.version }) : t('subsidyFinance.policy.created'));
    onSaved?.(policy);
    onClose();
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as PolicyValues;
    try {
      if (mode.kind === 'revise') {
        const input = validatePolicy('revise', values, form, tt);
        if (input) saved(await revise.mutateAsync({ id: mode.latest.id, input }));
      } else {
        const input = validatePolicy('create', values, form, tt, withRegion);
        if (input) saved(await create.mutateAsync(input));
      }
    } catch (error) {
      fail(error);
    }
  };

  const yuan = (testId: string) => (
    <Input inputMode="decimal" placeholder={t('subsidyFinance.policy.form.yuanPlaceholder')} suffix={t('subsidyFinance.policy.form.yuanSuffix')} style={{ textAlign: 'right' }} data-testid={testId} />
  );
  const percent = (testId: string) => <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid={testId} />;
  const whole = (testId: string, min: number, max: number, suffix?: string) => (
    <InputNumber min={min} max={max} precision={0} suffix={suffix} style={{ width: '100%' }} data-testid={testId} />
  );

  return (
    <SaveModal
      open
      width={820}
      title={
        mode.kind === 'revise'
          ? t('subsidyFinance.policy.reviseTitle', { region: mode.latest.regionName, year: mode.latest.year, version: mode.latest.version + 1 })
          : t('subsidyFinance.policy.createTitle')
      }
      saving={create.isPending || revise.isPending}
      onSave={() => void submit()}
      onClose={onClose}
      saveTestId="policy-save"
    >
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={clearIssuesOnChange(form)} data-testid="policy-form">
        {isRevision && <Alert type="info" showIcon title={t('subsidyFinance.policy.reviseNotice')} style={{ marginBottom: 16 }} data-testid="policy-revise-notice" />}
        <Row gutter={16}>
          {!isRevision && withRegion && (
            <Col xs={24} sm={8}>
              <Form.Item name="regionId" label={t('subsidyFinance.policy.form.region')} required>
                <Select
                  loading={regions.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(regions.data ?? []).map((r) => ({ value: r.id, label: locale === 'zh-CN' ? r.nameZh : r.nameEn }))}
                  data-testid="policy-region"
                />
              </Form.Item>
            </Col>
          )}
          {!isRevision && (
            <Col xs={12} sm={8}>
              <Form.Item name="year" label={t('subsidyFinance.policy.form.year')} required>
                {whole('policy-year', 2000, 2100)}
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="effectiveFrom" label={t('subsidyFinance.policy.form.effectiveFrom')} tooltip={t('subsidyFinance.policy.form.effectiveFromHint')} required {...dateProps}>
              <DatePicker style={{ width: '100%' }} data-testid="policy-effective-from" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('subsidyFinance.policy.form.ratesTitle')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('subsidyFinance.policy.form.ratesHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {apprenticeshipLevels.map((level) => (
            <Col key={level} xs={12} sm={6}>
              <Form.Item name={['rates', rateKey(level)]} label={t(`subsidyFinance.levels.${level}`)} required>
                {yuan(`policy-rate-${level}`)}
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} sm={12}>
            <Form.Item name="rateWithoutCertificate" label={t('subsidyFinance.policy.form.withoutCertificate')} required>
              {yuan('policy-rate-none')}
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('subsidyFinance.policy.form.advanceTitle')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('subsidyFinance.policy.form.advanceHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="advancePercent" label={t('subsidyFinance.policy.form.advancePercent')} required>
              {percent('policy-advance')}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="advanceBasis" label={t('subsidyFinance.policy.form.advanceBasis')} required>
              <Select options={advanceBases.map((b) => ({ value: b, label: advanceBasisLabels[b][locale] }))} data-testid="policy-advance-basis" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="noticeWorkingDays" label={t('subsidyFinance.policy.form.noticeWorkingDays')} required>
              {whole('policy-notice-days', 1, 30, t('subsidyFinance.policy.form.daysSuffix'))}
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('subsidyFinance.policy.form.rulesTitle')}
        </Divider>
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="minCentralisedHours" label={t('subsidyFinance.policy.form.minCentralisedHours')} required>
              {whole('policy-min-hours', 0, 5000, t('subsidyFinance.policy.form.hoursSuffix'))}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="onlineCapPercent" label={t('subsidyFinance.policy.form.onlineCapPercent')} required>
              {percent('policy-online-cap')}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="videoMinPercent" label={t('subsidyFinance.policy.form.videoMinPercent')} required>
              {percent('policy-video-min')}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="minYears" label={t('subsidyFinance.policy.form.minYears')} required>
              {whole('policy-min-years', 1, 3)}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="maxYears" label={t('subsidyFinance.policy.form.maxYears')} required>
              {whole('policy-max-years', 1, 3)}
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="maxYearsWithReason" label={t('subsidyFinance.policy.form.maxYearsWithReason')} required>
              {whole('policy-max-years-reason', 1, 5)}
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('subsidyFinance.policy.form.note')}>
              <Input.TextArea rows={2} maxLength={2000} placeholder={t('subsidyFinance.policy.form.notePlaceholder')} data-testid="policy-note" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="isDemo" valuePropName="checked">
              <Checkbox data-testid="policy-is-demo">{t('subsidyFinance.policy.form.isDemo')}</Checkbox>
            </Form.Item>
          </Col>
          {isRevision && (
            <Col xs={24}>
              <Form.Item name="reason" label={t('subsidyFinance.policy.form.reason')} required>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('subsidyFinance.policy.form.reasonPlaceholder')} data-testid="policy-reason" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </SaveModal>
  );
}
