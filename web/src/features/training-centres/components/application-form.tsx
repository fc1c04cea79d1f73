import { useMemo } from 'react';
import { Button, Card, Checkbox, Col, Form, Grid, Input, InputNumber, Row, Select, Space, Tooltip, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { createTrainingCentreApplicationRequest, PAST_TRAINING_YEARS, type TrainingCentreApplication } from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { levelOptions, occupationOptions, sortLevels } from './labels.ts';

export interface ApplicationValues {
  scope?: { occupation?: string; levels?: number[] }[];
  facilities?: string;
  instructors?: { name?: string; occupation?: string; level?: number; certificateNo?: string }[];
  annualPlan?: string;
  annualCapacity?: number | null;
  pastTraining?: { year?: number; trainings?: number | null; personTimes?: number | null }[];
  attachmentIds?: string[];
}

type Request = z.output<typeof createTrainingCentreApplicationRequest>;

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const number = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);

/** The form's values of a saved application, or an empty form with one line of each list to start from. */
export function valuesOf(application: TrainingCentreApplication | undefined): ApplicationValues {
  if (!application) return { scope: [{}], instructors: [{}], pastTraining: [], attachmentIds: [] };
  return {
    scope: application.scope.map((item) => ({ occupation: item.occupation, levels: sortLevels(item.levels) })),
    facilities: application.facilities,
    instructors: application.instructors.map((i) => ({ ...i })),
    annualPlan: application.annualPlan,
    annualCapacity: application.annualCapacity,
    pastTraining: application.pastTraining.map((r) => ({ ...r })),
    attachmentIds: [...application.attachmentIds],
  };
}

/** The request the form's values make (untrimmed, empty and unset values left out, for the contract to judge). */
export function requestOf(values: ApplicationValues): unknown {
  return {
    scope: (values.scope ?? []).map((item) => ({ occupation: item.occupation, levels: item.levels ?? [] })),
    facilities: text(values.facilities),
    instructors: (values.instructors ?? []).map((i) => ({ name: text(i.name), occupation: i.occupation, level: i.level, certificateNo: text(i.certificateNo) })),
    annualPlan: text(values.annualPlan),
    annualCapacity: number(values.annualCapacity),
    pastTraining: (values.pastTraining ?? []).map((r) => ({ year: r.year, trainings: number(r.trainings), personTimes: number(r.personTimes) })),
    attachmentIds: values.attachmentIds ?? [],
  };
}

/** The value at a path of the request, to tell a missing value ("required") from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Nothing entered: an unset value or an empty list (no level ticked, no instructor). */
const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * Checks the form with the same contract the server uses and puts the issues on their fields (in nested lists too:
 * `instructors.2.level`); a value left empty anywhere reads "required". Returns the request, or null if it is not valid.
 */
export function validateApplication(values: ApplicationValues, form: FormInstance, t: TFunction): Request | null {
  const input = requestOf(values);
  const result = createTrainingCentreApplicationRequest.safeParse(input);
  if (result.success) return result.data;
  showIssues(
    form,
    t,
    result.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      code: (issue as { params?: { code?: string } }).params?.code ?? (isEmpty(valueAt(input, issue.path)) ? 'REQUIRED' : issue.code.toUpperCase()),
      message: issue.message,
    })),
  );
  return null;
}

/** The three calendar years before this one, the only ones past training may be reported for. */
const pastYears = () => {
  const year = dayjs().year();
  return Array.from({ length: PAST_TRAINING_YEARS }, (_, i) => year - PAST_TRAINING_YEARS + i);
};

/**
 * The fields of an application: the scope (occupations × levels), facilities, instructors, the annual plan and capacity,
 * past training per year and the supporting documents. The page around it owns the buttons.
 */
export function ApplicationFields({ form, initial, disabled }: { form: FormInstance<ApplicationValues>; initial: ApplicationValues; disabled?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const wide = Grid.useBreakpoint().md ?? false;
  const chosen: ApplicationValues['scope'] = Form.useWatch('scope', form);
  const taken = useMemo(() => new Set((chosen ?? []).map((item) => item?.occupation).filter((o): o is string => Boolean(o))), [chosen]);
  const years = pastYears();
  // In a narrow screen each line's fields stack, so each needs its own label; in a wide one a header row names the columns.
  const label = (key: string) => (wide ? undefined : t(key));
  const remove = (onClick: () => void, testId: string) => (
    <Tooltip title={t('trainingCentres.form.remove')}>
      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={onClick} disabled={disabled} aria-label={t('trainingCentres.form.remove')} data-testid={testId} />
    </Tooltip>
  );
  const header = (cols: { span: number; key: string }[]) =>
    wide && (
      <Row gutter={8} style={{ marginBottom: 4 }}>
        {cols.map((c) => (
          <Col key={c.key} span={c.span}>
            <Typography.Text type="secondary">{t(c.key)}</Typography.Text>
          </Col>
        ))}
      </Row>
    );

  return (
    <Form form={form} layout="vertical" initialValues={initial} onValuesChange={clearIssuesOnChange(form)} disabled={disabled} data-testid="application-form">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('trainingCentres.fields.scope')}>
          <Typography.Paragraph type="secondary">{t('trainingCentres.form.scopeHint')}</Typography.Paragraph>
          <Form.List name="scope">
            {(fields, { add, remove: drop }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} align="top" data-testid="scope-line" style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
                    <Col xs={{ span: 22, order: 1 }} md={{ span: 8, order: 1 }}>
                      <Form.Item name={[field.name, 'occupation']} label={label('trainingCentres.fields.occupation')} style={{ marginBottom: 8 }}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('trainingCentres.form.occupationPlaceholder')}
                          options={occupationOptions(locale, new Set([...taken].filter((o) => o !== chosen?.[field.name]?.occupation)))}
                          data-testid="scope-occupation"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={{ span: 2, order: 2 }} md={{ span: 1, order: 3 }} style={wide ? undefined : { paddingTop: 30 }}>
                      {remove(() => drop(field.name), 'scope-remove')}
                    </Col>
                    <Col xs={{ span: 24, order: 3 }} md={{ span: 15, order: 2 }}>
                      <Form.Item name={[field.name, 'levels']} label={label('trainingCentres.fields.levels')} style={{ marginBottom: 8 }}>
                        <Checkbox.Group options={levelOptions(locale)} data-testid="scope-levels" style={{ paddingTop: wide ? 5 : 0 }} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={disabled || fields.length >= 30} data-testid="scope-add">
                  {t('trainingCentres.form.addOccupation')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('trainingCentres.form.conditions')}>
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="facilities" label={t('trainingCentres.fields.facilities')} required>
                <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('trainingCentres.form.facilitiesPlaceholder')} data-testid="application-facilities" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="annualCapacity" label={t('trainingCentres.fields.annualCapacity')} required>
                <InputNumber
                  min={1}
                  max={100_000}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('trainingCentres.fields.capacityUnit')}
                  data-testid="application-capacity"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="annualPlan" label={t('trainingCentres.fields.annualPlan')} required>
                <Input.TextArea rows={5} maxLength={8000} showCount placeholder={t('trainingCentres.form.annualPlanPlaceholder')} data-testid="application-plan" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('trainingCentres.fields.instructors')}>
          <Typography.Paragraph type="secondary">{t('trainingCentres.form.instructorsHint')}</Typography.Paragraph>
          <Form.List name="instructors">
            {(fields, { add, remove: drop }, { errors }) => (
              <>
                {fields.length > 0 &&
                  header([
                    { span: 5, key: 'trainingCentres.fields.instructorName' },
                    { span: 7, key: 'trainingCentres.fields.occupation' },
                    { span: 5, key: 'trainingCentres.fields.level' },
                    { span: 6, key: 'trainingCentres.fields.certificateNo' },
                  ])}
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} data-testid="instructor-line" style={wide ? undefined : { borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'name']} label={label('trainingCentres.fields.instructorName')} style={{ marginBottom: 8 }}>
                        <Input maxLength={50} placeholder={t('trainingCentres.fields.instructorName')} data-testid="instructor-name" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={7}>
                      <Form.Item name={[field.name, 'occupation']} label={label('trainingCentres.fields.occupation')} style={{ marginBottom: 8 }}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          options={occupationOptions(locale)}
                          placeholder={t('trainingCentres.fields.occupation')}
                          data-testid="instructor-occupation"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'level']} label={label('trainingCentres.fields.level')} style={{ marginBottom: 8 }}>
                        <Select options={levelOptions(locale)} placeholder={t('trainingCentres.fields.level')} data-testid="instructor-level" />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item name={[field.name, 'certificateNo']} label={label('trainingCentres.fields.certificateNo')} style={{ marginBottom: 8 }}>
                        <Input maxLength={50} placeholder={t('trainingCentres.fields.certificateNo')} data-testid="instructor-certificate" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1} style={wide ? undefined : { paddingTop: 30 }}>
                      {remove(() => drop(field.name), 'instructor-remove')}
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={disabled || fields.length >= 200} data-testid="instructor-add">
                  {t('trainingCentres.form.addInstructor')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('trainingCentres.fields.pastTraining')}>
          <Typography.Paragraph type="secondary">{t('trainingCentres.form.pastTrainingHint', { from: years[0], to: years[years.length - 1] })}</Typography.Paragraph>
          <Form.List name="pastTraining">
            {(fields, { add, remove: drop }, { errors }) => (
              <>
                {fields.length > 0 &&
                  header([
                    { span: 6, key: 'trainingCentres.fields.year' },
                    { span: 8, key: 'trainingCentres.fields.trainings' },
                    { span: 8, key: 'trainingCentres.fields.personTimes' },
                  ])}
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} data-testid="past-training-line">
                    <Col xs={7} md={6}>
                      <Form.Item name={[field.name, 'year']} label={label('trainingCentres.fields.year')} style={{ marginBottom: 8 }}>
                        <Select options={years.map((y) => ({ value: y, label: String(y) }))} placeholder={t('trainingCentres.fields.year')} data-testid="past-year" />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={8}>
                      <Form.Item name={[field.name, 'trainings']} label={label('trainingCentres.fields.trainings')} style={{ marginBottom: 8 }}>
                        <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} placeholder={t('trainingCentres.fields.trainings')} data-testid="past-trainings" />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={8}>
                      <Form.Item name={[field.name, 'personTimes']} label={label('trainingCentres.fields.personTimes')} style={{ marginBottom: 8 }}>
                        <InputNumber
                          min={0}
                          max={10_000_000}
                          precision={0}
                          style={{ width: '100%' }}
                          placeholder={t('trainingCentres.fields.personTimes')}
                          data-testid="past-person-times"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1} style={wide ? undefined : { paddingTop: 30 }}>
                      {remove(() => drop(field.name), 'past-remove')}
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const used = new Set((form.getFieldValue('pastTraining') as ApplicationValues['pastTraining'])?.map((r) => r?.year));
                    add({ year: [...years].reverse().find((y) => !used.has(y)) });
                  }}
                  disabled={disabled || fields.length >= PAST_TRAINING_YEARS}
                  data-testid="past-add"
                >
                  {t('trainingCentres.form.addYear')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('trainingCentres.fields.attachments')}>
          <Typography.Paragraph type="secondary">{t('trainingCentres.form.attachmentsHint')}</Typography.Paragraph>
          <Form.Item name="attachmentIds" style={{ marginBottom: 0 }}>
            <AttachmentUpload disabled={disabled} />
          </Form.Item>
        </Card>
      </Space>
    </Form>
  );
}
