import { Card, Grid, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowEvent } from '@fulcrum/shared';
import { applicationStages, stepsPosition } from './application-steps.ts';

/** Where the application stands: the stages from filling in to certification, the current one marked (in red where it left the path). */
export function ApplicationProgress({ status, history }: { status: string; history: readonly WorkflowEvent[] | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const position = stepsPosition(status, history ?? []);
  return (
    <Card data-testid="application-progress">
      <Steps
        size="small"
        // A phone keeps the six stages on one line: dots with the names under them.
        type={screens.md ? 'default' : 'dot'}
        titlePlacement={screens.md ? 'horizontal' : 'vertical'}
        responsive={false}
        current={position.current}
        status={position.status}
        items={applicationStages.map((stage, index) => ({
          title: t(`trainingCentres.stages.${stage}`),
          content: index === position.current && position.side ? t(`trainingCentres.side.${position.side}`) : undefined,
        }))}
      />
    </Card>
  );
}
