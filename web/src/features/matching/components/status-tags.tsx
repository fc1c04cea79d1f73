import { Tag } from 'antd';
import { trainingMatchStatusLabels, trainingNeedStatusLabels, type TrainingMatchStatus, type TrainingNeedStatus } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { matchStatusColour, needStatusColour } from './labels.ts';

export function NeedStatusTag({ status }: { status: TrainingNeedStatus }) {
  const locale = useLocale();
  return (
    <Tag color={needStatusColour[status]} data-testid="need-status">
      {trainingNeedStatusLabels[status][locale]}
    </Tag>
  );
}

export function MatchStatusTag({ status }: { status: TrainingMatchStatus }) {
  const locale = useLocale();
  return (
    <Tag color={matchStatusColour[status]} data-testid="match-status">
      {trainingMatchStatusLabels[status][locale]}
    </Tag>
  );
}
