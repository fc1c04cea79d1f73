import type { LearningDemoInput } from './learning-demo.ts';

export async function loadTrainingProjects(input: LearningDemoInput): Promise<Record<string, number>> {
  void input;
  return {};
}
