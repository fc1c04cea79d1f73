import { Card, Grid, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassStatus, WorkflowEvent } from '@fulcrum/shared';
import { classStages, classStepsPosition } from './labels.ts';

/** Where the class stands: draft → filed → registered → completed, the current stage in red where it left the path. */
export function ClassSteps({ status, history }: { status: ClassStatus; history: readonly WorkflowEvent[] | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const position = classStepsPosition(status, history ?? []);
  return (
    <Card data-testid="class-steps">
      <Steps
        size="small"
        type={screens.md ? 'default' : 'dot'}
        titlePlacement={screens.md ? 'horizontal' : 'vertical'}
        responsive={false}
        current={position.current}
        status={position.status}
        items={classStages.map((stage, index) => ({
          title: t(`apprenticeships.stages.${stage}`),
          content: index === position.current && position.side ? t(`apprenticeships.side.${position.side}`) : undefined,
        }))}
      />
    </Card>
  );
}
