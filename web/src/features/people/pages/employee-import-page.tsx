import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Progress, Result, Row, Space, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportResult, ImportRowError } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api.ts';
import { issueText } from '../../../lib/forms.ts';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { employeeImportTemplateUrl, useImportEmployees } from '../api/use-import-employees.ts';
import { ImportErrorsTable } from '../components/import-errors-table.tsx';
import '../i18n.ts';

type Phase = 'choose' | 'checking' | 'invalid' | 'ready' | 'importing' | 'done';
const stepOf: Record<Phase, number> = { choose: 0, checking: 1, invalid: 1, ready: 2, importing: 2, done: 3 };
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Employee import as a wizard: template and file → a dry run that lists every bad row (nothing saved) →
 * the counts of a clean file and a confirmation → the import itself, with upload progress throughout.
 */
export default function EmployeeImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisationId, organisationName, role } = useActor().activeMembership;
  const importer = useImportEmployees(organisationId);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [progress, setProgress] = useState(0);
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = phase === 'checking' || phase === 'importing';

  const choose = (next: File | null) => {
    setFile(next);
    setPhase('choose');
    setRowErrors([]);
    setChecked(null);
    setProblem(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPhase(dryRun ? 'checking' : 'importing');
    setProgress(0);
    setProblem(null);
    try {
      const result = await importer.mutateAsync({ file, dryRun, onProgress: setProgress });
      if (dryRun) {
        setChecked(result);
        setPhase('ready');
      } else {
        setImported(result);
        setPhase('done');
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details?.rows?.length) {
        setRowErrors(e.details.rows);
        setPhase('invalid');
        return;
      }
      const issues = e instanceof ApiError ? e.details?.issues : undefined;
      setProblem(issues?.length ? issues.map((i) => issueText(t, i)).join('; ') : errorTextIn(t, 'people.codes', e));
      setPhase('choose');
    }
  };

  const badRows = new Set(rowErrors.map((e) => e.row)).size;
  if (!can(role, 'importEmployees')) return <Result status="403" title={t('errors.codes.FORBIDDEN')} data-testid="import-forbidden" />;

  return (
    <div data-testid="employee-import-page">
      <PageHeader title={t('people.import.title')} subTitle={organisationName} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={stepOf[phase]}
          status={phase === 'invalid' ? 'error' : phase === 'done' ? 'finish' : 'process'}
          items={[
            { title: t('people.import.steps.choose') },
            { title: t('people.import.steps.check') },
            { title: t('people.import.steps.confirm') },
            { title: t('people.import.steps.done') },
          ]}
        />
      </Card>

      {phase === 'done' && imported ? (
        <Card>
          <Result
            status="success"
            data-testid="import-result"
            title={t('people.import.doneTitle')}
            subTitle={t('people.import.doneSub', { ...imported })}
            extra={[
              <Button type="primary" key="employees" onClick={() => navigate('/console/employees')} data-testid="import-to-employees">
                {t('people.import.toEmployees')}
              </Button>,
              <Button key="again" onClick={() => choose(null)}>
                {t('people.import.again')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Typography.Paragraph>{t('people.import.template')}</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href={employeeImportTemplateUrl} data-testid="import-template" style={{ marginBottom: 24 }}>
              {t('people.import.downloadTemplate')}
            </Button>
            <Typography.Paragraph>{t('people.import.choose')}</Typography.Paragraph>
            <Flex gap={12} align="flex-start" wrap>
              <Upload
                accept={XLSX_ACCEPT}
                maxCount={1}
                disabled={busy}
                data-testid="import-file"
                beforeUpload={(chosen) => {
                  choose(chosen);
                  return false;
                }}
                onRemove={() => {
                  choose(null);
                  return true;
                }}
                fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
                iconRender={() => <FileExcelOutlined style={{ color: '#1d7044' }} />}
              >
                <Button icon={<UploadOutlined />} disabled={busy}>
                  {t('people.import.chooseButton')}
                </Button>
              </Upload>
              <Button type="primary" disabled={!file || busy || phase === 'ready'} loading={phase === 'checking'} onClick={() => void send(true)} data-testid="import-check">
                {t('people.import.check')}
              </Button>
            </Flex>
            {!file && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('people.import.noFile')}
              </Typography.Text>
            )}
            {busy && (
              <div style={{ marginTop: 16, maxWidth: 520 }} data-testid="import-progress">
                <Progress percent={progress} status="active" />
                <Space>
                  {progress >= 100 && <Spin size="small" />}
                  <Typography.Text type="secondary">
                    {progress < 100 ? t('people.import.uploading') : phase === 'checking' ? t('people.import.checking') : t('people.import.importing')}
                  </Typography.Text>
                </Space>
              </div>
            )}
            {problem && <Alert type="error" showIcon style={{ marginTop: 16 }} title={t('people.import.fileProblem')} description={problem} data-testid="import-problem" />}
          </Card>

          {phase === 'invalid' && (
            <Card>
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="import-invalid"
                title={t('people.import.invalidTitle', { count: badRows, issues: rowErrors.length })}
                description={t('people.import.invalidHint')}
              />
              <ImportErrorsTable errors={rowErrors} />
            </Card>
          )}

          {(phase === 'ready' || phase === 'importing') && checked && (
            <Card>
              <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('people.import.cleanTitle')} description={t('people.import.cleanHint')} style={{ marginBottom: 16 }} />
              <Row gutter={[16, 16]} data-testid="import-counts">
                <Col xs={12} lg={6}>
                  <Statistic title={t('people.import.rows')} value={checked.rows} />
                </Col>
                <Col xs={12} lg={6}>
                  <Statistic title={t('people.import.createdPeople')} value={checked.createdPeople} />
                </Col>
                <Col xs={12} lg={6}>
                  <Statistic title={t('people.import.linkedPeople')} value={checked.linkedPeople} />
                </Col>
                <Col xs={12} lg={6}>
                  <Statistic title={t('people.import.createdEmployments')} value={checked.createdEmployments} />
                </Col>
              </Row>
              <Button type="primary" size="large" style={{ marginTop: 24 }} loading={phase === 'importing'} onClick={() => void send(false)} data-testid="import-confirm">
                {t('people.import.confirm')}
              </Button>
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
