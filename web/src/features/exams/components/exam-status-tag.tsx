import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyExam } from '@fulcrum/shared';

/** Where the learner stands on an exam: passed, in progress, awaiting grading, not passed, or not open. */
export function MyExamTag({ exam }: { exam: MyExam }) {
  const { t } = useTranslation();
  if (exam.passed) return <Tag color="success">{t('exams.mobile.passed')}</Tag>;
  if (exam.inProgressAttemptId) return <Tag color="processing">{t('exams.mobile.inProgress')}</Tag>;
  if (exam.awaitingGrading) return <Tag color="gold">{t('exams.mobile.awaiting')}</Tag>;
  if (exam.attemptsUsed) return <Tag color="error">{t('exams.mobile.notPassed')}</Tag>;
  if (!exam.isOpen) return <Tag>{t('exams.mobile.closed')}</Tag>;
  return null;
}
