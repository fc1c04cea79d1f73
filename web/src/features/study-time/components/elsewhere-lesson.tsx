import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Offline sessions, practical tasks and exams are not studied in the player: say where they happen. */
export function ElsewhereLesson({ kind }: { kind: 'offline' | 'practical' | 'exam' }) {
  const { t } = useTranslation();
  const isExam = kind === 'exam';
  return (
    <Card data-testid="lesson-elsewhere">
      <Result
        status="info"
        title={t(`studyTime.player.elsewhere.${kind}`)}
        extra={
          <Link to={isExam ? '/m/exams' : '/m/projects'}>
            <Button type="primary">{t(isExam ? 'studyTime.player.elsewhere.exams' : 'studyTime.player.elsewhere.projects')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
