import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { rosterEditableStatuses, type ApprenticeshipClass, type ClassKind, type ClassStatus } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { useClass } from '../api/use-class.ts';
import { useSaveClass } from '../api/use-save-class.ts';
import { ClassFields, validateClass, valuesOf, type ClassValues } from '../components/class-form.tsx';
import { mayGroup } from '../components/labels.ts';
import '../i18n.ts';

const isEditable = (status: ClassStatus) => (rosterEditableStatuses as readonly ClassStatus[]).includes(status);

/** /console/apprenticeship-classes/new and /:id/edit — the registration form (备案), saved as a draft. */
export default function ClassFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const saved = useClass(id);
  const { role, organisationName, departmentKind } = useActor().activeMembership;
  const back = id ? `/console/apprenticeship-classes/${id}` : '/console/apprenticeship-classes';

  if (id && saved.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (id && saved.error) return <Alert type="error" showIcon title={errorText(t, saved.error)} data-testid="record-not-found" />;
  const groups = mayGroup(role, departmentKind);
  const allowedKinds: ClassKind[] = groups ? ['grouped'] : ['enterprise'];

  return (
    <div data-testid="class-form-page">
      <div style={{ marginBottom: 8 }}>
        <Link to={back}>
          <ArrowLeftOutlined /> {id ? saved.data?.name : t('apprenticeships.detail.backToList')}
        </Link>
      </div>
      <PageHeader title={id ? t('apprenticeships.form.editTitle') : t('apprenticeships.form.newTitle')} subTitle={organisationName} />
      {saved.data && !isEditable(saved.data.status) ? (
        <Alert type="info" showIcon title={t('apprenticeships.form.notEditable')} data-testid="class-not-editable" />
      ) : (
        <ClassEditor key={id ?? 'new'} saved={saved.data} allowedKinds={allowedKinds} back={back} />
      )}
    </div>
  );
}

function ClassEditor({ saved, allowedKinds, back }: { saved?: ApprenticeshipClass; allowedKinds: ClassKind[]; back: string }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClassValues>();
  const [initial] = useState(() => valuesOf(saved, allowedKinds[0]!));
  const save = useSaveClass();
  const fail = useSaveFailure(form, tt, 'apprenticeships.codes');

  const onSave = async () => {
    const input = validateClass(form.getFieldsValue(true) as ClassValues, form, tt);
    if (!input) return;
    try {
      // An edit sends the fields it may change; the kind is fixed once the draft exists.
      const { kind, ...fields } = input;
      const result = await save.mutateAsync({ id: saved?.id, input: saved ? fields : { ...fields, kind } });
      void message.success(t('apprenticeships.form.saved'));
      navigate(`/console/apprenticeship-classes/${result.id}`);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ClassFields form={form} initial={initial} allowedKinds={allowedKinds} disabled={save.isPending} />
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Flex wrap gap={8} justify="end">
          <Button onClick={() => navigate(back)} disabled={save.isPending}>
            {t('apprenticeships.form.cancel')}
          </Button>
          <Button type="primary" onClick={() => void onSave()} loading={save.isPending} data-testid="class-save">
            {t('apprenticeships.form.saveDraft')}
          </Button>
        </Flex>
      </Card>
    </Space>
  );
}
