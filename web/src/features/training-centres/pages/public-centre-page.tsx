import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, PauseCircleFilled, QuestionCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { EffectiveCentreStatus, PublicCentreVerification } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { usePublicCentre } from '../api/use-public-centre.ts';
import { centreStatusColours } from '../components/status-tags.tsx';
import '../i18n.ts';

const icons: Record<EffectiveCentreStatus, ReactNode> = {
  active: <CheckCircleFilled />,
  conditional: <CheckCircleFilled />,
  suspended: <PauseCircleFilled />,
  revoked: <CloseCircleFilled />,
  expired: <ClockCircleFilled />,
};
const notes: Partial<Record<EffectiveCentreStatus, string>> = {
  suspended: 'trainingCentres.verify.suspendedNote',
  revoked: 'trainingCentres.verify.revokedNote',
  expired: 'trainingCentres.verify.expiredNote',
};

/** The scope lines (one per occupation and level) gathered per occupation, in the order given. */
function byOccupation(scope: PublicCentreVerification['scope']) {
  const groups = new Map<string, { zh: string; en: string; levels: { level: number; zh: string; en: string }[] }>();
  for (const line of scope) {
    const group = groups.get(line.occupation) ?? { zh: line.occupationZh, en: line.occupationEn, levels: [] };
    group.levels.push({ level: line.level, zh: line.levelZh, en: line.levelEn });
    groups.set(line.occupation, group);
  }
  return [...groups.entries()].map(([code, g]) => ({ code, ...g, levels: g.levels.sort((a, b) => b.level - a.level) }));
}

/** A box to type another certificate number; numbers are matched without regard to case or spaces around them. */
function CheckAnother({ title }: { title?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const go = () => text.trim() && navigate(`/public/training-centres/${encodeURIComponent(text.trim())}`);
  return (
    <Card size="small" title={title}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={go}
          placeholder={t('trainingCentres.verify.placeholder')}
          maxLength={40}
          allowClear
          aria-label={t('trainingCentres.verify.placeholder')}
          data-testid="verify-input"
        />
        <Button size="large" type="primary" icon={<SearchOutlined />} onClick={go} data-testid="verify-submit">
          {t('trainingCentres.verify.check')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

/**
 * /public/training-centres/:certificateNo — anyone (usually from the certificate's QR code, on a phone) sees whether the
 * certificate is valid, for which enterprise, occupations and levels, until when; a suspended or revoked one says why.
 */
export default function PublicCentrePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { certificateNo = '' } = useParams();
  const centre = usePublicCentre(certificateNo);
  const zh = locale === 'zh-CN';

  let content: ReactNode;
  if (!certificateNo.trim()) {
    content = null;
  } else if (centre.isPending) {
    content = (
      <Card>
        <Skeleton active />
      </Card>
    );
  } else if (centre.error) {
    const missing = centre.error instanceof ApiError && (centre.error.status === 404 || centre.error.status === 400);
    content = (
      <Card>
        <Result
          status={missing ? undefined : 'error'}
          icon={missing ? <QuestionCircleFilled style={{ color: centreStatusColours.expired }} /> : undefined}
          title={missing ? t('trainingCentres.verify.notFound') : errorText(t, centre.error)}
          subTitle={missing ? t('trainingCentres.verify.notFoundHint', { certificateNo }) : undefined}
          data-testid="verify-not-found"
        />
      </Card>
    );
  } else {
    const c = centre.data;
    const colour = centreStatusColours[c.effectiveStatus];
    const note = notes[c.effectiveStatus];
    content = (
      <Card styles={{ body: { padding: 0 } }} data-testid="verify-result">
        <div style={{ background: colour, color: '#fff', padding: '24px 16px', textAlign: 'center', borderRadius: '8px 8px 0 0' }}>
          <div style={{ fontSize: 48, lineHeight: 1 }}>{icons[c.effectiveStatus]}</div>
          <div style={{ fontSize: 30, fontWeight: 700, marginTop: 8, letterSpacing: zh ? 4 : 0 }} data-testid="verify-status">
            {zh ? c.statusLabelZh : c.statusLabelEn}
          </div>
          <div style={{ fontFamily: 'monospace', fontSize: 15, opacity: 0.95, marginTop: 4 }} data-testid="verify-certificate-no">
            {c.certificateNo}
          </div>
        </div>
        <div style={{ padding: 16 }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {(c.effectiveStatus === 'suspended' || c.effectiveStatus === 'revoked') && (
              <Alert
                type={c.effectiveStatus === 'revoked' ? 'error' : 'warning'}
                showIcon
                title={note ? t(note) : undefined}
                description={c.statusReason ? t('trainingCentres.verify.reason', { reason: c.statusReason }) : undefined}
                data-testid="verify-reason"
              />
            )}
            {c.effectiveStatus === 'expired' && note && <Alert type="info" showIcon title={t(note)} />}
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'organisation',
                  label: t('trainingCentres.verify.organisation'),
                  children: (
                    <Typography.Text strong data-testid="verify-organisation">
                      {c.organisationName}
                    </Typography.Text>
                  ),
                },
                { key: 'region', label: t('trainingCentres.verify.region'), children: zh ? c.regionName : c.regionNameEn },
                { key: 'validity', label: t('trainingCentres.verify.validity'), children: t('trainingCentres.centres.validityRange', { from: c.certifiedOn, to: c.validUntil }) },
              ]}
            />
            <div>
              <Typography.Text type="secondary">{t('trainingCentres.verify.scope')}</Typography.Text>
              <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="verify-scope">
                {byOccupation(c.scope).map((o) => (
                  <div key={o.code} style={{ borderLeft: `3px solid ${colour}`, paddingLeft: 8 }}>
                    <Typography.Text strong>{zh ? o.zh : o.en}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      {o.levels.map((l) => (
                        <Tag key={l.level} style={{ marginBottom: 4 }}>
                          {zh ? l.zh : l.en}
                        </Tag>
                      ))}
                    </div>
                  </div>
                ))}
              </Flex>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('trainingCentres.verify.checkedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          </Space>
        </div>
      </Card>
    );
  }

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="public-centre-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('trainingCentres.verify.title')}
      </Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {!certificateNo.trim() && <Typography.Text type="secondary">{t('trainingCentres.verify.subTitle')}</Typography.Text>}
        {content}
        <CheckAnother key={certificateNo} title={certificateNo.trim() ? t('trainingCentres.verify.checkAnother') : undefined} />
      </Space>
    </div>
  );
}
