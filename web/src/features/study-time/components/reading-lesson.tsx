import { Alert, Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textBlocksOf } from './text-blocks.ts';

/** A PDF in the browser's own viewer, with a link to open it full screen. */
export function DocumentLesson({ src }: { src: string | null }) {
  const { t } = useTranslation();
  if (!src) return <Empty description={t('studyTime.player.noMedia')} />;
  return (
    <Flex vertical gap={8}>
      <Alert type="info" showIcon title={t('studyTime.player.documentHint')} />
      <iframe src={src} title="document" style={{ width: '100%', height: '65vh', border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="lesson-document" />
      <Button href={src} target="_blank" rel="noopener">
        {t('studyTime.player.openDocument')}
      </Button>
    </Flex>
  );
}

/** Rich text shown as plain paragraphs: the body is never injected as HTML. */
export function TextLesson({ body }: { body: string | null }) {
  const { t } = useTranslation();
  const paragraphs = textBlocksOf(body);
  if (!paragraphs.length) return <Empty description={t('studyTime.player.noMedia')} />;
  return (
    <Card data-testid="lesson-text">
      <Alert type="info" showIcon title={t('studyTime.player.documentHint')} style={{ marginBottom: 12 }} />
      {paragraphs.map((p, i) => (
        <Typography.Paragraph key={i} style={{ fontSize: 16, lineHeight: 1.8 }}>
          {p}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}
