import { Tag } from 'antd';
import dayjs from 'dayjs';
import {
  attendanceStateLabels,
  projectStatusLabels,
  registrationStatusLabels,
  stageStatusLabels,
  type AttendanceState,
  type ProjectStatus,
  type RegistrationStatus,
  type StageStatus,
} from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

/** Date and time as the pages show them (the browser's zone, which is Beijing for the district's users). */
export const dateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const timeRange = (from: string, to: string) => `${dayjs(from).format('YYYY-MM-DD HH:mm')}–${dayjs(to).format('HH:mm')}`;

const projectColour: Record<ProjectStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };
const stageColour: Record<StageStatus, string> = { not_started: 'default', in_progress: 'processing', submitted: 'warning', completed: 'success', failed: 'error' };
const attendanceColour: Record<AttendanceState, string> = { full: 'success', partial: 'warning', absent: 'error' };
const registrationColour: Record<RegistrationStatus, string> = { registered: 'blue', waitlisted: 'orange', cancelled: 'default' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const locale = useLocale();
  return (
    <Tag color={projectColour[status]} data-testid="project-status">
      {projectStatusLabels[status][locale]}
    </Tag>
  );
}

export function StageStatusTag({ status }: { status: StageStatus }) {
  const locale = useLocale();
  return (
    <Tag color={stageColour[status]} data-testid="stage-status">
      {stageStatusLabels[status][locale]}
    </Tag>
  );
}

export function AttendanceTag({ state }: { state: AttendanceState }) {
  const locale = useLocale();
  return (
    <Tag color={attendanceColour[state]} data-testid="attendance-state">
      {attendanceStateLabels[state][locale]}
    </Tag>
  );
}

export function RegistrationTag({ status, text }: { status: RegistrationStatus; text?: string }) {
  const locale = useLocale();
  return <Tag color={registrationColour[status]}>{text ?? registrationStatusLabels[status][locale]}</Tag>;
}
