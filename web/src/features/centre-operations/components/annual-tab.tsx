import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Skeleton, Table, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { fileAnnualReviewRequest, type AnnualReview, type TrainingCentre } from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { errorText, parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { useAnnualFigures } from '../api/use-annual-figures.ts';
import { useCentreReviews } from '../api/use-centre-reviews.ts';
import { useFileReview } from '../api/use-file-review.ts';
import { FiguresView } from './figures-view.tsx';
import { DecisionTag, ReviewStatusTag } from './review-tags.tsx';
import { yearsSince } from './year-options.ts';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The report for a year: narrative and attachments, filed once; the figures go with it as the server computes them. */
function FileReviewForm({ centre, year }: { centre: TrainingCentre; year: number }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'centreOps.issues');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ narrative?: string; attachmentIds?: string[] }>();
  const file = useFileReview(centre.id);
  const fail = useSaveFailure(form, tt, 'centreOps.codes');

  const submit = () => {
    const v = form.getFieldsValue();
    const input = parseWith(fileAnnualReviewRequest, { year, narrative: v.narrative?.trim() || undefined, attachmentIds: v.attachmentIds ?? [] }, form, tt);
    if (!input) return;
    modal.confirm({
      title: t('centreOps.annual.fileConfirm', { year }),
      content: t('centreOps.annual.fileConfirmBody'),
      okText: t('centreOps.annual.file'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'annual-file-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await file.mutateAsync(input);
          void message.success(t('centreOps.annual.filed', { year }));
          form.resetFields();
        } catch (e) {
          fail(e);
        }
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="annual-form">
      <Form.Item name="narrative" label={t('centreOps.annual.narrative')} extra={t('centreOps.annual.narrativeHint')} required>
        <Input.TextArea rows={6} maxLength={8000} showCount data-testid="annual-narrative" />
      </Form.Item>
      <Form.Item name="attachmentIds" label={t('centreOps.annual.attachments')} extra={t('centreOps.annual.attachmentsHint')}>
        <AttachmentUpload />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={file.isPending} disabled={centre.effectiveStatus === 'revoked'} data-testid="annual-file">
        {t('centreOps.annual.file')}
      </Button>
    </Form>
  );
}

/** The reports filed so far and what HRSS decided on each. */
function ReviewHistory({ reviews }: { reviews: AnnualReview[] }) {
  const { t } = useTranslation();
  return (
    <Table<AnnualReview>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={reviews}
      data-testid="annual-history"
      locale={{ emptyText: t('centreOps.annual.noReviews') }}
      scroll={{ x: 820 }}
      columns={[
        { key: 'year', title: t('centreOps.annual.year'), dataIndex: 'year', width: 80 },
        { key: 'filedAt', title: t('centreOps.annual.filedAt'), width: 150, render: (_, r) => when(r.filedAt) },
        { key: 'status', title: t('centreOps.reviews.status'), width: 100, render: (_, r) => <ReviewStatusTag review={r} /> },
        { key: 'decision', title: t('centreOps.annual.decision'), width: 130, render: (_, r) => (r.decision ? <DecisionTag decision={r.decision} /> : '—') },
        { key: 'decisionNote', title: t('centreOps.annual.decisionNote'), render: (_, r) => r.decisionNote ?? '—' },
        { key: 'decidedAt', title: t('centreOps.annual.decidedAt'), width: 150, render: (_, r) => when(r.decidedAt) },
      ]}
    />
  );
}

/** The annual report: pick a year, see its figures as computed from the records, file the report, and the past decisions. */
export function AnnualTab({ centre }: { centre: TrainingCentre }) {
  const { t } = useTranslation();
  const { role } = useActor().activeMembership;
  const years = yearsSince(centre.certifiedOn);
  // A year's report is usually written once the year is over.
  const [year, setYear] = useState(years[1] ?? years[0]!);
  const figures = useAnnualFigures(centre.id, year);
  const reviews = useCentreReviews(centre.id);
  const filed = reviews.data?.find((r) => r.year === year);

  return (
    <Flex vertical gap={16} data-testid="annual-tab">
      <Card
        size="small"
        title={
          <Flex align="center" gap={8} wrap>
            <span>{t('centreOps.annual.year')}</span>
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} data-testid="annual-year" />
            <Typography.Text strong>{t('centreOps.annual.figuresTitle', { year })}</Typography.Text>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">{t('centreOps.annual.figuresHint')}</Typography.Paragraph>
        {figures.error ? (
          <Alert type="error" showIcon title={errorText(t, figures.error)} />
        ) : figures.data ? (
          <FiguresView figures={figures.data} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      <Card size="small" title={t('centreOps.annual.report')}>
        {filed ? (
          <Alert
            type="success"
            showIcon
            data-testid="annual-filed"
            title={t('centreOps.annual.alreadyFiled', { year, at: when(filed.filedAt) })}
            description={
              <Flex gap={8} wrap align="center">
                <ReviewStatusTag review={filed} />
                {filed.decision && <DecisionTag decision={filed.decision} />}
                {filed.decisionNote && <span>{filed.decisionNote}</span>}
              </Flex>
            }
          />
        ) : can(role, 'fileAnnualReview') && reviews.data ? (
          <FileReviewForm key={year} centre={centre} year={year} />
        ) : (
          <Typography.Text type="secondary">{t('centreOps.annual.noReviews')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('centreOps.annual.history')}>
        {reviews.error ? <Alert type="error" showIcon title={errorText(t, reviews.error)} /> : <ReviewHistory reviews={reviews.data ?? []} />}
      </Card>
    </Flex>
  );
}
