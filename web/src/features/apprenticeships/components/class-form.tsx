import { Alert, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import {
  classKindLabels,
  classKinds,
  createApprenticeshipClassRequest,
  formatBasisPoints,
  institutionKinds,
  type ApprenticeshipClass,
  type ClassKind,
  type CreateApprenticeshipClassRequest,
  type InstitutionKind,
  type SubsidyPolicy,
} from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange } from '../../../lib/form-feedback.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCentres } from '../api/use-centres.ts';
import { usePolicies } from '../api/use-policies.ts';
import { occupationOptions, targetLevelOptions } from './labels.ts';

interface TutorValues {
  name?: string;
  title?: string;
  phone?: string;
}

export interface ClassValues {
  name?: string;
  kind?: ClassKind;
  institutionKind?: InstitutionKind;
  trainingCentreId?: string | null;
  institutionName?: string;
  occupation?: string;
  targetLevel?: number;
  startsOn?: Dayjs | null;
  durationYears?: number | null;
  durationReason?: string;
  enterpriseTutor?: TutorValues;
  institutionTutor?: TutorValues;
  trainingPlan?: string;
  attachmentIds?: string[];
}

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);

/** The form's values of a saved class, or a new class's defaults (the kind its organiser may register). */
export function valuesOf(saved: ApprenticeshipClass | undefined, defaultKind: ClassKind): ClassValues {
  if (!saved) return { kind: defaultKind, institutionKind: 'training_centre', durationYears: 2, enterpriseTutor: {}, institutionTutor: {}, attachmentIds: [] };
  return {
    name: saved.name,
    kind: saved.kind,
    institutionKind: saved.institutionKind,
    trainingCentreId: saved.trainingCentreId,
    institutionName: saved.institutionName ?? undefined,
    occupation: saved.occupation,
    targetLevel: saved.targetLevel,
    startsOn: dayjs(saved.startsOn),
    durationYears: saved.durationYears,
    durationReason: saved.durationReason ?? undefined,
    enterpriseTutor: { ...saved.enterpriseTutor },
    institutionTutor: { ...saved.institutionTutor },
    trainingPlan: saved.trainingPlan,
    attachmentIds: [...saved.attachmentIds],
  };
}

const tutorOf = (t: TutorValues | undefined) => ({ name: text(t?.name), title: text(t?.title), phone: text(t?.phone) });

/** The request the form's values make; the institution not chosen is sent as null. */
export function requestOf(v: ClassValues): Record<string, unknown> {
  const centre = v.institutionKind === 'training_centre';
  return {
    name: text(v.name),
    kind: v.kind,
    institutionKind: v.institutionKind,
    trainingCentreId: centre ? (v.trainingCentreId ?? null) : null,
    institutionName: centre ? null : (text(v.institutionName) ?? null),
    occupation: v.occupation,
    targetLevel: v.targetLevel,
    startsOn: v.startsOn ? v.startsOn.format('YYYY-MM-DD') : undefined,
    durationYears: typeof v.durationYears === 'number' ? v.durationYears : undefined,
    durationReason: text(v.durationReason) ?? null,
    enterpriseTutor: tutorOf(v.enterpriseTutor),
    institutionTutor: tutorOf(v.institutionTutor),
    trainingPlan: text(v.trainingPlan),
    attachmentIds: v.attachmentIds ?? [],
  };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/**
 * Checks the form with the server's contract and puts the issues on their fields (`enterpriseTutor.name` too); the
 * institution the chosen kind needs is required here as on the server. Returns the request, or null.
 */
export function validateClass(values: ClassValues, form: FormInstance, t: TFunction): CreateApprenticeshipClassRequest | null {
  const input = requestOf(values);
  const result = createApprenticeshipClassRequest.safeParse(input);
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        code: (issue as { params?: { code?: string } }).params?.code ?? (valueAt(input, issue.path) === undefined ? 'REQUIRED' : issue.code.toUpperCase()),
        message: issue.message,
      }));
  if (input.institutionKind === 'training_centre' && !input.trainingCentreId) issues.push({ path: 'body.trainingCentreId', code: 'REQUIRED', message: 'required' });
  if (input.institutionKind === 'institution' && !input.institutionName) issues.push({ path: 'body.institutionName', code: 'REQUIRED', message: 'required' });
  if (issues.length || !result.success) {
    showIssues(form, t, issues);
    return null;
  }
  return result.data;
}

/** The policy version of the user's region among the latest of a year (a system admin's list holds every region's). */
export function policyOfRegion(items: readonly SubsidyPolicy[] | undefined, regionId: string): SubsidyPolicy | undefined {
  return items?.find((p) => p.regionId === regionId && p.isLatest) ?? items?.find((p) => p.isLatest);
}

/** The policy that will apply to the class (the region's latest version for the start year) and its limits. */
function PolicyLimits({ year, policy, loading }: { year: number | undefined; policy: SubsidyPolicy | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (year === undefined || loading) return null;
  if (!policy) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="class-no-policy"
        title={t('apprenticeships.form.noPolicy', { year })}
        description={t('apprenticeships.form.noPolicyDefault')}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="class-policy"
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          {t('apprenticeships.form.policyTitle', { year: policy.year, version: policy.version })}
          {policy.isDemo && <Tag color="orange">{t('apprenticeships.form.demoPolicy')}</Tag>}
        </Space>
      }
      description={t('apprenticeships.form.policyLimits', {
        min: policy.minYears,
        max: policy.maxYears,
        withReason: policy.maxYearsWithReason,
        hours: policy.minCentralisedHours,
        online: formatBasisPoints(policy.onlineShareCapBp),
        video: formatBasisPoints(policy.videoShareMinBp),
      })}
    />
  );
}

function TutorFields({ name, testId }: { name: 'enterpriseTutor' | 'institutionTutor'; testId: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item name={[name, 'name']} label={t('apprenticeships.fields.tutorName')} required>
          <Input maxLength={50} data-testid={`${testId}-name`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={[name, 'title']} label={t('apprenticeships.fields.tutorTitle')} required>
          <Input maxLength={50} data-testid={`${testId}-title`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'phone']} label={t('apprenticeships.fields.tutorPhone')}>
          <Input maxLength={20} data-testid={`${testId}-phone`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * The registration (备案) fields: the class, its institution (a certified centre of the region covering the occupation
 * and level, or another institution), the duration against the applicable policy, the dual tutors, the plan and files.
 */
export function ClassFields({
  form,
  initial,
  allowedKinds,
  disabled,
}: {
  form: FormInstance<ClassValues>;
  initial: ClassValues;
  allowedKinds: readonly ClassKind[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { regionId, role } = useActor().activeMembership;
  const institutionKind = Form.useWatch('institutionKind', form) as InstitutionKind | undefined;
  const occupation = Form.useWatch('occupation', form) as string | undefined;
  const targetLevel = Form.useWatch('targetLevel', form) as number | undefined;
  const startsOn = Form.useWatch('startsOn', form) as Dayjs | null | undefined;
  const durationYears = Form.useWatch('durationYears', form) as number | null | undefined;
  const kind = Form.useWatch('kind', form) as ClassKind | undefined;
  const year = startsOn ? startsOn.year() : undefined;
  const policies = usePolicies(year);
  const policy = policyOfRegion(policies.data?.items, regionId);
  const maxYears = policy?.maxYears ?? 2;
  const needsReason = typeof durationYears === 'number' && durationYears > maxYears;
  // Chambers do not list centres (the server answers 403): they name the institution instead.
  const mayListCentres = role !== 'chamber_admin';
  const centres = useCentres({ regionId, occupation, level: targetLevel }, mayListCentres && institutionKind === 'training_centre' && Boolean(occupation && targetLevel));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onValuesChange={(changed: Partial<ClassValues>) => {
        clearIssuesOnChange(form)(changed);
        if ('occupation' in changed || 'targetLevel' in changed) form.setFieldValue('trainingCentreId', null);
      }}
      data-testid="class-form"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('apprenticeships.form.basics')}>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={t('apprenticeships.fields.name')} required>
                <Input maxLength={100} data-testid="class-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('apprenticeships.fields.kind')} required>
                <Radio.Group data-testid="class-kind" options={classKinds.map((k) => ({ value: k, label: classKindLabels[k][locale], disabled: !allowedKinds.includes(k) }))} />
              </Form.Item>
            </Col>
            {kind === 'grouped' && (
              <Col xs={24}>
                <Typography.Paragraph type="secondary">{t('apprenticeships.form.groupedHint')}</Typography.Paragraph>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="occupation" label={t('apprenticeships.fields.occupation')} required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={occupationOptions(locale)} data-testid="class-occupation" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="targetLevel" label={t('apprenticeships.fields.targetLevel')} required>
                <Select options={targetLevelOptions(locale)} data-testid="class-level" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="institutionKind" label={t('apprenticeships.fields.institutionKind')} required>
                <Radio.Group data-testid="class-institution-kind" options={institutionKinds.map((k) => ({ value: k, label: t(`apprenticeships.institutionKinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              {institutionKind === 'training_centre' ? (
                <Form.Item
                  name="trainingCentreId"
                  label={t('apprenticeships.fields.trainingCentre')}
                  required
                  extra={
                    !mayListCentres || centres.error
                      ? t('apprenticeships.form.centresUnavailable')
                      : !occupation || !targetLevel
                        ? t('apprenticeships.form.centreNeedsScope')
                        : centres.data && centres.data.length === 0
                          ? t('apprenticeships.form.noCentres')
                          : undefined
                  }
                >
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={centres.isFetching}
                    disabled={disabled || !mayListCentres || !occupation || !targetLevel}
                    placeholder={t('apprenticeships.form.centrePlaceholder')}
                    options={(centres.data ?? []).map((c) => ({ value: c.id, label: `${c.organisationName}（${c.certificateNo}）` }))}
                    data-testid="class-centre"
                  />
                </Form.Item>
              ) : (
                <Form.Item name="institutionName" label={t('apprenticeships.fields.institutionName')} required>
                  <Input maxLength={100} data-testid="class-institution-name" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24}>
              <PolicyLimits year={year} policy={policy} loading={policies.isFetching} />
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="startsOn" label={t('apprenticeships.fields.startsOn')} required>
                <DatePicker style={{ width: '100%' }} data-testid="class-starts" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="durationYears" label={t('apprenticeships.fields.durationYears')} required>
                <InputNumber min={1} max={policy?.maxYearsWithReason ?? 3} precision={0} style={{ width: '100%' }} data-testid="class-years" />
              </Form.Item>
            </Col>
            {needsReason && (
              <Col xs={24}>
                <Form.Item name="durationReason" label={t('apprenticeships.fields.durationReason')} required extra={t('apprenticeships.form.reasonNeeded', { max: maxYears })}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="class-years-reason" />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card title={t('apprenticeships.form.tutors')}>
          <Typography.Paragraph type="secondary">{t('apprenticeships.form.tutorsHint')}</Typography.Paragraph>
          <Typography.Title level={5}>{t('apprenticeships.fields.enterpriseTutor')}</Typography.Title>
          <TutorFields name="enterpriseTutor" testId="tutor-enterprise" />
          <Typography.Title level={5}>{t('apprenticeships.fields.institutionTutor')}</Typography.Title>
          <TutorFields name="institutionTutor" testId="tutor-institution" />
        </Card>

        <Card title={t('apprenticeships.form.plan')}>
          <Form.Item name="trainingPlan" label={t('apprenticeships.fields.trainingPlan')} required>
            <Input.TextArea rows={6} maxLength={8000} showCount placeholder={t('apprenticeships.form.planPlaceholder')} data-testid="class-plan" />
          </Form.Item>
          <Form.Item name="attachmentIds" label={t('apprenticeships.fields.attachments')} extra={t('apprenticeships.form.attachmentsHint')} style={{ marginBottom: 0 }}>
            <AttachmentUpload disabled={disabled} />
          </Form.Item>
        </Card>
      </Space>
    </Form>
  );
}
