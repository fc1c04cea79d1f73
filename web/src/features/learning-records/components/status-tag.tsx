import { Tag } from 'antd';
import { learningStatusLabels, type LearningStatus } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const colours: Record<LearningStatus, string> = {
  launched: 'default',
  initialized: 'processing',
  in_progress: 'processing',
  completed: 'success',
  passed: 'success',
  failed: 'error',
  abandoned: 'warning',
  waived: 'cyan',
  terminated: 'default',
};

/** A learner's standing on an activity as a coloured tag: outcomes green or red, sessions blue or grey. */
export function StatusTag({ status }: { status: LearningStatus }) {
  const locale = useLocale();
  return (
    <Tag color={colours[status]} data-testid="progress-status" style={{ marginInlineEnd: 0 }}>
      {learningStatusLabels[status][locale]}
    </Tag>
  );
}
