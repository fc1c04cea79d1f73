import { Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels, type Membership, type OrganisationType, type Role } from '@fulcrum/shared';
import { OrganisationSelect } from '../../../components/organisation-select.tsx';
import { useActor, useLocale } from '../../../lib/session.ts';
import { grantableRoles } from './grantable-roles.ts';

/**
 * One organisation + role pair of a form,. A system administrator picks
 * any organisation; an organisation's admin grants roles in their own one only, so it is preset and fixed.
 * The role list follows the organisation's type.
 */
export function MembershipFields({
  form,
  name,
  fullPath,
  index,
  held = [],
}: {
  form: FormInstance;
  /** The pair's name as its Form.Items see it (relative inside a Form.List). */
  name: (string | number)[];
  /** The same, from the form's root. */
  fullPath: (string | number)[];
  index: number;
  /** Memberships the account already holds; their roles are not offered again in the same organisation. */
  held?: Membership[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { activeMembership } = useActor();
  const isSystemAdmin = activeMembership.role === 'system_admin';
  const type = Form.useWatch([...fullPath, 'organisationType'], form) as OrganisationType | undefined;
  const organisationId = Form.useWatch([...fullPath, 'organisationId'], form) as string | undefined;
  const options = grantableRoles(activeMembership.role, type).filter((r) => !held.some((m) => m.organisationId === organisationId && m.role === r));

  return (
    <Row gutter={8} style={{ flex: 1 }}>
      <Form.Item name={[...name, 'organisationType']} hidden>
        <Input />
      </Form.Item>
      <Col span={14}>
        <Form.Item name={[...name, 'organisationId']} style={{ marginBottom: 8 }}>
          {isSystemAdmin ? (
            <OrganisationSelect
              placeholder={t('users.create.organisationPlaceholder')}
              allowClear={false}
              testId={`membership-organisation-${index}`}
              onChange={(_, organisation) => {
                form.setFieldValue([...fullPath, 'organisationType'], organisation?.type);
                const role = form.getFieldValue([...fullPath, 'role']) as Role | undefined;
                if (role && !grantableRoles(activeMembership.role, organisation?.type).includes(role)) form.setFieldValue([...fullPath, 'role'], undefined);
              }}
            />
          ) : (
            <Select disabled options={[{ value: activeMembership.organisationId, label: activeMembership.organisationName }]} />
          )}
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name={[...name, 'role']} style={{ marginBottom: 8 }}>
          <Select
            data-testid={`membership-role-${index}`}
            placeholder={type ? t('users.create.rolePlaceholder') : t('users.create.chooseOrganisationFirst')}
            disabled={!type}
            options={options.map((r) => ({ value: r, label: roleLabels[r][locale] }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
