import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Radio, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { findingCodeLabels, findingStatusLabels, resolveFindingRequest, type ClaimFinding, type FindingStatus, type SubsidyClaimDetail } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useResolveFinding } from '../api/use-resolve-finding.ts';
import { yuanText } from './amount.ts';
import { mayResolveFindings } from './claim-abilities.ts';

type Resolution = 'accepted' | 'excluded';

const statusColours: Record<FindingStatus, string> = { open: 'error', accepted: 'success', excluded: 'default' };

interface ResolveValues {
  resolution?: Resolution;
  note?: string;
}

/** Resolves one finding: accepted after checking, or the apprentice left out of the claim; a note is required either way. */
function ResolveModal({ claim, finding, initial, onClose }: { claim: SubsidyClaimDetail; finding: ClaimFinding; initial: Resolution; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'subsidyClaims.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useResolveFinding(claim.id);
  const fail = useSaveFailure(form, tt, 'subsidyClaims.codes');
  const resolution = Form.useWatch('resolution', form) ?? initial;

  const submit = async () => {
    const v = form.getFieldsValue();
    const body = parseWith(resolveFindingRequest, { resolution: v.resolution, note: v.note?.trim() || undefined }, form, tt);
    if (!body) return;
    try {
      const updated = await resolve.mutateAsync({ findingId: finding.id, body });
      void message.success(t('subsidyClaims.findings.resolved', { amount: yuanText(updated.amountFen) }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open
      title={t('subsidyClaims.findings.resolveTitle', { code: findingCodeLabels[finding.code][locale] })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'finding-resolve-confirm' } as ButtonProps}
    >
      <Typography.Paragraph>{finding.message[locale]}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ resolution: initial }} onValuesChange={clearIssuesOnChange(form)} data-testid="finding-resolve-form">
        <Form.Item name="resolution" label={t('subsidyClaims.findings.resolution')} required extra={t(`subsidyClaims.findings.${resolution === 'excluded' ? 'excludeHelp' : 'acceptHelp'}`)}>
          <Radio.Group
            data-testid="finding-resolution"
            options={[
              { value: 'accepted', label: t('subsidyClaims.findings.accept') },
              // Only a finding about one apprentice can leave that apprentice out; a class-wide one can only be accepted.
              ...(finding.apprenticeId ? [{ value: 'excluded', label: t('subsidyClaims.findings.exclude') }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('subsidyClaims.findings.note')} required>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('subsidyClaims.findings.notePlaceholder')} data-testid="finding-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One finding: what was found (code and the message built from the numbers), about whom, its status and how it was resolved. */
function FindingItem({ claim, finding, canResolve, onResolve }: { claim: SubsidyClaimDetail; finding: ClaimFinding; canResolve: boolean; onResolve: (r: Resolution) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isCurrent = finding.round === claim.round;
  const actionable = canResolve && isCurrent && finding.status === 'open';
  return (
    <div
      data-testid="finding"
      data-finding-code={finding.code}
      data-finding-status={finding.status}
      style={{ background: finding.status === 'open' && isCurrent ? '#fff1f0' : undefined, padding: 12, borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space orientation="vertical" size={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Space wrap size={4}>
            <Tag color={finding.status === 'open' ? 'red' : 'default'} data-testid="finding-code">
              {findingCodeLabels[finding.code][locale]}
            </Tag>
            <Tag color={statusColours[finding.status]} data-testid="finding-status">
              {findingStatusLabels[finding.status][locale]}
            </Tag>
            {!isCurrent && <Tag>{t('subsidyClaims.findings.earlierRound', { round: finding.round })}</Tag>}
          </Space>
          <Typography.Text data-testid="finding-message">{finding.message[locale]}</Typography.Text>
          <Typography.Text type="secondary" data-testid="finding-apprentice">
            {finding.apprenticeId
              ? `${t('subsidyClaims.findings.apprentice')}：${finding.personName ?? '—'}${finding.residentIdMasked ? `（${finding.residentIdMasked}）` : ''}`
              : t('subsidyClaims.findings.classWide')}
          </Typography.Text>
          {finding.status !== 'open' && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '4px 8px', background: '#fafafa', borderLeft: '3px solid #d9d9d9', whiteSpace: 'pre-wrap' }}>
              {finding.resolutionNote}
              {finding.resolvedByName && finding.resolvedAt && (
                <>
                  <br />
                  {t('subsidyClaims.findings.resolvedBy', { name: finding.resolvedByName, time: dayjs(finding.resolvedAt).format('YYYY-MM-DD HH:mm') })}
                </>
              )}
            </Typography.Paragraph>
          )}
        </Space>
        {actionable && (
          <Space wrap>
            <Button icon={<CheckCircleOutlined />} onClick={() => onResolve('accepted')} data-testid="finding-accept">
              {t('subsidyClaims.findings.accept')}
            </Button>
            {finding.apprenticeId && (
              <Button danger icon={<StopOutlined />} onClick={() => onResolve('excluded')} data-testid="finding-exclude">
                {t('subsidyClaims.findings.exclude')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
    </div>
  );
}

/** The findings the checks raised on submission: open ones first (as the server orders them), each resolvable by the HRSS officer. */
export function FindingsPanel({ claim }: { claim: SubsidyClaimDetail }) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<{ finding: ClaimFinding; resolution: Resolution } | null>(null);
  const canResolve = mayResolveFindings(claim);
  return (
    <Card
      title={t('subsidyClaims.findings.title')}
      extra={
        claim.findingsTotal > 0 && (
          <Typography.Text type={claim.findingsOpen ? 'danger' : 'secondary'} data-testid="findings-open-count">
            {t('subsidyClaims.findings.openCount', { open: claim.findingsOpen, total: claim.findingsTotal })}
          </Typography.Text>
        )
      }
      data-testid="claim-findings"
    >
      {canResolve && claim.findingsOpen > 0 && <Alert type="warning" showIcon title={t('subsidyClaims.findings.officerHint')} style={{ marginBottom: 12 }} />}
      {claim.findings.length ? (
        <div data-testid="finding-list">
          {claim.findings.map((finding) => (
            <FindingItem key={finding.id} claim={claim} finding={finding} canResolve={canResolve} onResolve={(resolution) => setResolving({ finding, resolution })} />
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidyClaims.findings.none')} />
      )}
      {resolving && <ResolveModal claim={claim} finding={resolving.finding} initial={resolving.resolution} onClose={() => setResolving(null)} />}
    </Card>
  );
}
