import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Result, Row, Skeleton, Space, Table, type ButtonProps, type TableProps } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { closedApplicationStatuses, type ApplicationStatus, type TrainingCentreApplication } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText, showIssues } from '../../../lib/forms.ts';
import { useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { useApplication } from '../api/use-application.ts';
import { useApplicationHistory } from '../api/use-application-history.ts';
import { useApplicationTransition } from '../api/use-application-transition.ts';
import { useApplications } from '../api/use-applications.ts';
import { useMyCentre } from '../api/use-my-centre.ts';
import { useSaveApplication } from '../api/use-save-application.ts';
import { ApplicationActions } from '../components/action-modals.tsx';
import { ApplicationFields, validateApplication, valuesOf, type ApplicationValues } from '../components/application-form.tsx';
import { ApplicationProgress } from '../components/application-progress.tsx';
import { ApplicationView } from '../components/application-view.tsx';
import { OutcomeAlert } from '../components/outcome-alert.tsx';
import { ApplicationStatusTag, DueTag } from '../components/status-tags.tsx';
import { ApplicationHistory } from '../components/workflow-history.tsx';
import '../i18n.ts';

const isClosed = (status: ApplicationStatus) => (closedApplicationStatuses as readonly ApplicationStatus[]).includes(status);
const editable = (a: TrainingCentreApplication | undefined) => !a || a.availableTransitions.includes('submit');

/**
 * The enterprise's training-centre application: its current application (or a start), the form while it is a draft or
 * returned (save, submit, withdraw), otherwise the application as submitted; the stages, the history and earlier applications.
 */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { organisationName } = useActor().activeMembership;
  const applications = useApplications({ sort: '-updatedAt', pageSize: 20 });
  const centre = useMyCentre();
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();

  const items = applications.data?.items ?? [];
  const current = items.find((a) => !isClosed(a.status)) ?? items[0];
  const shownId = creating ? undefined : (selectedId ?? current?.id);
  const validCentre = centre.data && (centre.data.effectiveStatus === 'active' || centre.data.effectiveStatus === 'conditional') ? centre.data : null;
  const mayStartNew = !creating && !validCentre && (!current || isClosed(current.status));

  const header = (
    <PageHeader
      title={t('trainingCentres.apply.title')}
      subTitle={organisationName}
      extra={
        mayStartNew &&
        current && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="application-start">
            {t('trainingCentres.apply.startAgain')}
          </Button>
        )
      }
    />
  );

  if (applications.isPending || centre.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (applications.error) return <Alert type="error" showIcon title={errorText(t, applications.error)} />;

  return (
    <div data-testid="application-page">
      {header}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {validCentre && (
          <Alert
            type="success"
            showIcon
            icon={<SafetyCertificateOutlined />}
            data-testid="centre-certified"
            title={t('trainingCentres.apply.certifiedHint', { certificateNo: validCentre.certificateNo, validUntil: validCentre.validUntil })}
            action={<Link to={`/console/training-centres/${validCentre.id}`}>{t('trainingCentres.apply.viewCentre')}</Link>}
          />
        )}
        {creating ? (
          <ApplicationEditor
            key="new"
            onSaved={(saved) => {
              setCreating(false);
              setSelectedId(saved.id);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : shownId ? (
          <ApplicationPanel key={shownId} id={shownId} />
        ) : (
          <Card>
            <Result
              icon={<SafetyCertificateOutlined style={{ color: '#1f5fbf' }} />}
              title={t('trainingCentres.apply.start')}
              subTitle={t('trainingCentres.apply.startHint')}
              extra={
                mayStartNew && (
                  <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="application-start">
                    {t('trainingCentres.apply.start')}
                  </Button>
                )
              }
              data-testid="application-empty"
            />
          </Card>
        )}
        {items.length > 1 && <EarlierApplications items={items} shownId={shownId} onSelect={setSelectedId} />}
      </Space>
    </div>
  );
}

/** One application of the enterprise: its stage, why it stopped if it did, the form or the read-only view, and its history. */
function ApplicationPanel({ id }: { id: string }) {
  const application = useApplication(id);
  const history = useApplicationHistory(id);
  const { t } = useTranslation();
  if (application.isPending) return <Skeleton active />;
  if (application.error) return <Alert type="error" showIcon title={errorText(t, application.error)} />;
  const a = application.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center">
        <ApplicationStatusTag status={a.status} />
        <DueTag dueOn={a.dueOn} overdue={a.overdue} />
      </Flex>
      <OutcomeAlert application={a} history={history.data} />
      <ApplicationProgress status={a.status} history={history.data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {editable(a) ? (
            <ApplicationEditor application={a} />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {a.availableTransitions.includes('withdraw') && (
                <Alert
                  type="info"
                  showIcon
                  title={t('trainingCentres.apply.readOnly')}
                  action={
                    <Space>
                      <ApplicationActions application={a} />
                    </Space>
                  }
                />
              )}
              <ApplicationView application={a} />
            </Space>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <ApplicationHistory events={history.data} loading={history.isPending} error={history.error} />
        </Col>
      </Row>
    </Space>
  );
}

/** The form of a new, draft or returned application with its buttons: save the draft, submit (saving first), withdraw. */
function ApplicationEditor({
  application,
  onSaved,
  onCancel,
}: {
  application?: TrainingCentreApplication;
  onSaved?: (saved: TrainingCentreApplication) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'trainingCentres.issues');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ApplicationValues>();
  const [initial] = useState(() => valuesOf(application));
  // Once a new application is saved, further saves edit it (a second create would be refused: one open application per enterprise).
  const [savedId, setSavedId] = useState(application?.id);
  const save = useSaveApplication();
  const transition = useApplicationTransition();
  const fail = useSaveFailure(form, tt, 'trainingCentres.codes');
  const busy = save.isPending || transition.isPending;

  const saveDraft = async (): Promise<TrainingCentreApplication | null> => {
    const input = validateApplication(form.getFieldsValue(true), form, tt);
    if (!input) return null;
    try {
      const saved = await save.mutateAsync({ id: savedId, input });
      setSavedId(saved.id);
      return saved;
    } catch (e) {
      fail(e);
      return null;
    }
  };

  const onSaveDraft = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    void message.success(t('trainingCentres.apply.saved'));
    onSaved?.(saved);
  };

  const onSubmit = () => {
    // Check the form before asking, so the confirmation is not shown for a form that cannot be sent;
    // submitting needs at least one supporting document (the server checks it too).
    const values = form.getFieldsValue(true) as ApplicationValues;
    if (!validateApplication(values, form, tt)) return;
    if (!values.attachmentIds?.length) {
      showIssues(form, tt, [{ path: 'body.attachmentIds', code: 'REQUIRED', message: 'required' }]);
      return;
    }
    modal.confirm({
      title: t('trainingCentres.apply.submitTitle'),
      content: t('trainingCentres.apply.submitBody'),
      okText: t('trainingCentres.apply.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-confirm' } as ButtonProps,
      onOk: async () => {
        const saved = await saveDraft();
        if (!saved) return;
        try {
          await transition.mutateAsync({ id: saved.id, action: 'submit', body: {} });
          void message.success(t('trainingCentres.apply.submitted'));
          onSaved?.(saved);
        } catch (e) {
          // The draft is saved; the reason it cannot be submitted goes on its fields.
          fail(e);
        }
      },
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ApplicationFields form={form} initial={initial} disabled={busy} />
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Flex wrap gap={8} justify="end">
          {onCancel && (
            <Button onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          )}
          {application && <ApplicationActions application={application} exclude={['submit']} />}
          <Button onClick={() => void onSaveDraft()} loading={save.isPending && !transition.isPending} disabled={busy} data-testid="application-save">
            {t('trainingCentres.apply.saveDraft')}
          </Button>
          <Button type="primary" onClick={onSubmit} disabled={busy} data-testid="application-submit">
            {t('trainingCentres.apply.submit')}
          </Button>
        </Flex>
      </Card>
    </Space>
  );
}

/** The enterprise's other applications (withdrawn, rejected, certified before); choosing one shows it above. */
function EarlierApplications({ items, shownId, onSelect }: { items: TrainingCentreApplication[]; shownId?: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const columns: TableProps<TrainingCentreApplication>['columns'] = [
    { key: 'status', title: t('trainingCentres.fields.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    { key: 'submittedAt', title: t('trainingCentres.fields.submittedAt'), render: (_, a) => (a.submittedAt ? dayjs(a.submittedAt).format('YYYY-MM-DD') : '—') },
    { key: 'updatedAt', title: t('trainingCentres.fields.updatedAt'), render: (_, a) => dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'open',
      title: t('common.actions'),
      render: (_, a) =>
        a.id === shownId ? null : (
          <Button type="link" size="small" onClick={() => onSelect(a.id)}>
            {t('common.detail')}
          </Button>
        ),
    },
  ];
  return (
    <Card title={t('trainingCentres.apply.previous')} size="small" data-testid="earlier-applications">
      <Table<TrainingCentreApplication> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} scroll={{ x: 480 }} />
    </Card>
  );
}
