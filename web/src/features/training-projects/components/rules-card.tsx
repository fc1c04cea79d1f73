import { useState } from 'react';
import { App, Button, Card, Empty, Form, InputNumber, List, Popconfirm, Select, Space } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { enrolmentRuleKindLabels, enrolmentRuleKinds, type EnrolmentRule, type EnrolmentRuleKind, type ProjectDetail } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { errorTextIn, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useChangeProject } from '../api/use-change-project.ts';
import { useEnrol } from '../api/use-enrol.ts';
import { useProjectOptions } from '../api/use-project-options.ts';

export function ruleText(t: (key: string, options?: Record<string, unknown>) => string, rule: EnrolmentRule) {
  return t(`trainingProjects.rules.describe.${rule.kind}`, { value: rule.valueLabel ?? rule.value });
}

function RuleFormModal({ project, open, onClose }: { project: ProjectDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ kind: EnrolmentRuleKind; value?: string | number }>();
  const kind = Form.useWatch('kind', form);
  const options = useProjectOptions(open);
  const change = useChangeProject(project.id);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ method: 'POST', path: '/rules', body: { kind: v.kind, value: v.kind === 'organisation' ? null : String(v.value) } });
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <SaveModal open={open} title={t('trainingProjects.rules.add')} saving={change.isPending} onSave={() => void save()} onClose={onClose} saveTestId="rule-save">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'organisation' }}>
        <Form.Item name="kind" label={t('trainingProjects.rules.kind')}>
          <Select data-testid="rule-kind" options={enrolmentRuleKinds.map((k) => ({ value: k, label: enrolmentRuleKindLabels[k][locale] }))} />
        </Form.Item>
        {kind === 'department' && (
          <Form.Item name="value" label={t('trainingProjects.rules.department')} rules={[{ required: true }]}>
            <Select options={(options.data?.departments ?? []).map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        )}
        {kind === 'role_profile' && (
          <Form.Item name="value" label={t('trainingProjects.rules.roleProfile')} rules={[{ required: true }]}>
            <Select options={(options.data?.roleProfiles ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        {kind === 'new_hires' && (
          <Form.Item name="value" label={t('trainingProjects.rules.days')} rules={[{ required: true }]}>
            <InputNumber min={0} max={9999} precision={0} suffix={t('trainingProjects.rules.daysSuffix')} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </SaveModal>
  );
}

/** The project's enrolment rules: add, remove, and apply again to enrol newcomers. */
export function RulesCard({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const change = useChangeProject(project.id);
  const enrol = useEnrol(project.id);
  const editable = project.status !== 'closed';
  const apply = () =>
    enrol.mutateAsync(null).then(
      (r) => void message.success(t('trainingProjects.rules.applied', { count: r.enrolled })),
      (error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)),
    );
  return (
    <Card
      size="small"
      title={t('trainingProjects.rules.title')}
      extra={
        editable && (
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
              {t('trainingProjects.rules.add')}
            </Button>
            {project.status === 'active' && (
              <Button size="small" icon={<SyncOutlined />} loading={enrol.isPending} onClick={() => void apply()} data-testid="rules-apply">
                {t('trainingProjects.rules.apply')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {project.rules.length ? (
        <List
          size="small"
          dataSource={project.rules}
          renderItem={(rule) => (
            <List.Item
              data-testid="rule-row"
              actions={
                editable
                  ? [
                      <Popconfirm key="remove" title={t('trainingProjects.rules.remove')} onConfirm={() => change.mutate({ method: 'DELETE', path: `/rules/${rule.id}` })}>
                        <Button size="small" type="link" danger>
                          {t('trainingProjects.rules.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              {ruleText(t, rule)}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingProjects.rules.empty')} />
      )}
      <RuleFormModal project={project} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
