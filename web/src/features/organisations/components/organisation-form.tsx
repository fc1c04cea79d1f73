import { useEffect } from 'react';
import { Alert, App, Button, Cascader, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Tooltip, type FormProps } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  createOrganisationRequest,
  departmentKindLabels,
  departmentKinds,
  enterpriseSizeLabels,
  enterpriseSizes,
  organisationTypeLabels,
  updateOrganisationRequest,
  type CreateOrganisationRequest,
  type DepartmentKind,
  type Organisation,
  type OrganisationType,
  type UpdateOrganisationRequest,
} from '@fulcrum/shared';
import { useSaveFailure } from '../../../lib/form-feedback.ts';
import { parseWith } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCreateOrganisation } from '../api/use-create-organisation.ts';
import { useUpdateOrganisation } from '../api/use-update-organisation.ts';
import { creatableTypes, fixedRegionOf, type Editable } from './access.ts';
import { sectionOf, useReference } from './reference.ts';

interface ContactValues {
  name?: string;
  phone?: string;
  title?: string;
  email?: string;
}

/** The form's values; field names are the contract's, so server issues (`body.uscc`) land on the right field. */
interface FormValues {
  type?: OrganisationType;
  regionId?: string;
  name?: string;
  departmentKind?: DepartmentKind;
  uscc?: string;
  /** [section, division] from the cascader; the request carries the division. */
  industryDivision?: string[];
  industrialParkId?: string | null;
  size?: Organisation['size'];
  stateOwned?: boolean;
  employeeCount?: number | null;
  contacts?: ContactValues[];
}

type UpdatableField = keyof UpdateOrganisationRequest;
const updatableFields: readonly UpdatableField[] = ['name', 'uscc', 'industryDivision', 'industrialParkId', 'size', 'stateOwned', 'employeeCount', 'contacts'];
/** Fields the update contract cannot set to null: once registered they stay. */
const notClearable: readonly UpdatableField[] = ['name', 'uscc', 'industryDivision', 'size'];

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);
const contactsOf = (contacts: ContactValues[] | undefined) =>
  (contacts ?? []).map((c) => ({ name: c.name ?? '', phone: c.phone ?? '', title: text(c.title), email: text(c.email) }));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function initialValues(organisation: Organisation): FormValues {
  const section = organisation.industryDivision ? sectionOf(organisation.industryDivision) : undefined;
  return {
    type: organisation.type,
    regionId: organisation.regionId,
    name: organisation.name,
    departmentKind: organisation.departmentKind ?? undefined,
    uscc: organisation.uscc ?? undefined,
    industryDivision: section && organisation.industryDivision ? [section, organisation.industryDivision] : undefined,
    industrialParkId: organisation.industrialParkId ?? undefined,
    size: organisation.size ?? undefined,
    stateOwned: organisation.stateOwned,
    employeeCount: organisation.employeeCount,
    contacts: organisation.contacts.map((c) => ({ ...c })),
  };
}

type Props =
  | { mode: 'create'; open: boolean; onClose: () => void; onDone: (organisation: Organisation) => void; fixedType?: OrganisationType }
  | { mode: 'edit'; open: boolean; onClose: () => void; onDone: (organisation: Organisation) => void; organisation: Organisation; editable: Exclude<Editable, null> };

/** Registers an organisation or edits one, in a drawer beside the list or record it belongs to. */
export function OrganisationFormDrawer(props: Props) {
  const { t } = useTranslation();
  const title =
    props.mode === 'edit'
      ? t('organisations.form.editTitle', { name: props.organisation.name })
      : props.fixedType === 'enterprise'
        ? t('organisations.form.createEnterpriseTitle')
        : t('organisations.form.createTitle');
  return (
    <Drawer title={title} open={props.open} onClose={props.onClose} size={720} destroyOnHidden>
      {props.open && <OrganisationForm {...props} />}
    </Drawer>
  );
}

/**
 * The fields of an organisation. Values are checked in the page with the very contract the server uses
 * (createOrganisationRequest / updateOrganisationRequest), and the server's issues land on the field they name.
 */
function OrganisationForm(props: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const { activeMembership } = useActor();
  const reference = useReference();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(props.mode === 'edit' ? props.organisation.id : '');
  const saving = create.isPending || update.isPending;

  const fixedRegion = fixedRegionOf(activeMembership);
  const isEnabled = (field: UpdatableField) => props.mode === 'create' || props.editable === 'all' || (props.editable as readonly string[]).includes(field);
  const isSelfEdit = props.mode === 'edit' && props.editable !== 'all';

  const type = Form.useWatch('type', form);
  const regionId = Form.useWatch('regionId', form);
  const parkId = Form.useWatch('industrialParkId', form);
  const isEnterprise = type === 'enterprise';

  // A park belongs to one region: choosing another region clears a park of the old one.
  useEffect(() => {
    if (parkId && regionId && reference.parkRegion(parkId) && reference.parkRegion(parkId) !== regionId) form.setFieldValue('industrialParkId', undefined);
  }, [regionId, parkId, reference, form]);

  const initial: FormValues =
    props.mode === 'edit'
      ? initialValues(props.organisation)
      : { type: props.fixedType, regionId: fixedRegion ?? activeMembership.regionId, stateOwned: false, contacts: [] };

  const fail = useSaveFailure(form, t);

  /** The create request checked with the server's contract; null (issues shown on their fields) if invalid. */
  const checkCreate = (values: FormValues) =>
    parseWith(
      createOrganisationRequest,
      {
        type: values.type,
        regionId: values.regionId,
        name: values.name,
        departmentKind: values.type === 'government_department' ? values.departmentKind : undefined,
        uscc: text(values.uscc),
        industryDivision: values.industryDivision?.[1],
        industrialParkId: values.industrialParkId ?? undefined,
        size: values.size ?? undefined,
        stateOwned: values.stateOwned ?? false,
        employeeCount: values.employeeCount ?? undefined,
        contacts: contactsOf(values.contacts),
      },
      form,
      t,
    );

  /** Only the fields the actor may change and did change, checked with the update contract; 'unchanged' when there is nothing to send. */
  const checkUpdate = (organisation: Organisation, values: FormValues): UpdateOrganisationRequest | 'unchanged' | null => {
    const next: Record<UpdatableField, unknown> = {
      name: text(values.name),
      uscc: text(values.uscc)?.toUpperCase(),
      industryDivision: values.industryDivision?.[1],
      industrialParkId: values.industrialParkId ?? null,
      size: values.size ?? undefined,
      stateOwned: values.stateOwned ?? false,
      employeeCount: values.employeeCount ?? null,
      contacts: contactsOf(values.contacts),
    };
    const before: Record<UpdatableField, unknown> = { ...organisation, contacts: contactsOf(organisation.contacts) };
    const changes: Record<string, unknown> = {};
    const cleared: UpdatableField[] = [];
    for (const field of updatableFields) {
      if (!isEnabled(field) || same(next[field], before[field])) continue;
      if (next[field] === undefined && notClearable.includes(field)) cleared.push(field);
      else changes[field] = next[field];
    }
    const input = parseWith(updateOrganisationRequest, changes, form, t);
    if (cleared.length) {
      form.setFields(cleared.map((name) => ({ name, errors: [t('organisations.form.notClearable')] })));
      return null;
    }
    if (!input) return null;
    return Object.keys(input).length ? input : 'unchanged';
  };

  const check = (values: FormValues) => (props.mode === 'edit' ? checkUpdate(props.organisation, values) : checkCreate(values));

  const submit = async (values: FormValues) => {
    const input = check(values);
    if (!input) return;
    if (input === 'unchanged') {
      void message.info(t('organisations.form.noChanges'));
      props.onClose();
      return;
    }
    try {
      if (props.mode === 'edit') {
        const updated = await update.mutateAsync(input as UpdateOrganisationRequest);
        void message.success(t('common.saved'));
        props.onDone(updated);
      } else {
        const created = await create.mutateAsync(input as CreateOrganisationRequest);
        void message.success(t('organisations.form.created', { name: created.name }));
        props.onDone(created);
      }
    } catch (error) {
      fail(error);
    }
  };

  /**
   * The form's own rules (required contact fields, a name of two characters) answer in the reader's words, but
   * they stop antd before onFinish: check the contract too, so a wrong credit code shows at the same time,
   * then put the rules' messages back on the fields they cover.
   */
  const showAll: FormProps<FormValues>['onFinishFailed'] = ({ values, errorFields }) => {
    check(values);
    form.setFields(errorFields.map(({ name, errors }) => ({ name: name as NamePath<FormValues>, errors })));
  };

  const typeOptions = (props.mode === 'create' && !props.fixedType ? creatableTypes(activeMembership.role) : [type ?? 'enterprise']).map((value) => ({
    value,
    label: organisationTypeLabels[value][locale],
  }));
  const required = [{ required: true, whitespace: true, message: t('errors.issues.REQUIRED') }];

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} onFinishFailed={showAll} disabled={saving} data-testid="organisation-form">
      {isSelfEdit && <Alert type="info" showIcon title={t('organisations.form.selfEditNote')} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('organisations.fields.type')} required>
            <Select options={typeOptions} disabled={props.mode === 'edit' || Boolean(props.fixedType)} data-testid="form-type" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionId" label={t('organisations.fields.region')} required>
            <Select options={reference.regionOptions} disabled={props.mode === 'edit' || Boolean(fixedRegion)} data-testid="form-region" />
          </Form.Item>
        </Col>
        {type === 'government_department' && (
          <Col xs={24} md={12}>
            <Form.Item name="departmentKind" label={t('organisations.fields.departmentKind')} required>
              <Select
                disabled={props.mode === 'edit'}
                options={departmentKinds.map((kind) => ({ value: kind, label: departmentKindLabels[kind][locale] }))}
                data-testid="form-department-kind"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item
            name="name"
            label={t('organisations.fields.name')}
            rules={[...required, { min: 2, transform: (v?: string) => v?.trim(), message: t('organisations.form.nameTooShort') }]}
            required
          >
            <Input maxLength={100} disabled={!isEnabled('name')} data-testid="form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="uscc" label={t('organisations.fields.uscc')} extra={t('organisations.form.usccHint')} required={isEnterprise}>
            <Input maxLength={18} disabled={!isEnabled('uscc')} style={{ fontFamily: 'monospace' }} data-testid="form-uscc" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryDivision" label={t('organisations.fields.industry')} required={isEnterprise}>
            <Cascader
              options={reference.industryOptions}
              showSearch
              placeholder={t('organisations.form.industryPlaceholder')}
              disabled={!isEnabled('industryDivision')}
              data-testid="form-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industrialParkId" label={t('organisations.fields.park')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={regionId ? reference.parkOptions(regionId) : []}
              placeholder={regionId ? t('organisations.form.parkPlaceholder') : t('organisations.form.regionFirst')}
              disabled={!isEnabled('industrialParkId') || !regionId}
              data-testid="form-park"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="size" label={t('organisations.fields.size')} required={isEnterprise}>
            <Select
              allowClear
              options={enterpriseSizes.map((size) => ({ value: size, label: enterpriseSizeLabels[size][locale] }))}
              disabled={!isEnabled('size')}
              data-testid="form-size"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="employeeCount" label={t('organisations.fields.employeeCount')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} disabled={!isEnabled('employeeCount')} data-testid="form-employee-count" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="stateOwned" label={t('organisations.fields.stateOwned')} valuePropName="checked">
            <Switch disabled={!isEnabled('stateOwned')} data-testid="form-state-owned" />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item label={t('organisations.fields.contacts')}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" data-testid="form-contact">
                  <Form.Item name={[field.name, 'name']} rules={required} style={{ flex: 2, marginBottom: 0 }}>
                    <Input placeholder={t('organisations.fields.contactName')} maxLength={50} disabled={!isEnabled('contacts')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} rules={required} style={{ flex: 3, marginBottom: 0 }}>
                    <Input placeholder={t('organisations.fields.contactPhone')} maxLength={11} disabled={!isEnabled('contacts')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} style={{ flex: 2, marginBottom: 0 }}>
                    <Input placeholder={t('organisations.fields.contactTitle')} maxLength={50} disabled={!isEnabled('contacts')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'email']} rules={[{ type: 'email', message: t('organisations.form.invalidEmail') }]} style={{ flex: 3, marginBottom: 0 }}>
                    <Input placeholder={t('organisations.fields.contactEmail')} maxLength={100} disabled={!isEnabled('contacts')} />
                  </Form.Item>
                  <Tooltip title={t('organisations.form.removeContact')}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      disabled={!isEnabled('contacts')}
                      aria-label={t('organisations.form.removeContact')}
                    />
                  </Tooltip>
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={!isEnabled('contacts') || fields.length >= 10} block data-testid="form-add-contact">
                {t('organisations.form.addContact')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>

      <Flex justify="end" gap={8}>
        <Button onClick={props.onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="organisation-form-submit">
          {t('organisations.form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
