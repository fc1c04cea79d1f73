import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { addApprenticeRequest, type ApprenticeshipClass } from '@fulcrum/shared';
import { OrganisationSelect } from '../../../components/organisation-select.tsx';
import { SaveModal } from '../../../components/save-modal.tsx';
import { ApiError } from '../../../lib/api.ts';
import { parseWith, showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useAddApprentice } from '../api/use-add-apprentice.ts';
import { apprenticeRefusalOf } from './labels.ts';

interface Values {
  name?: string;
  residentId?: string;
  employerOrganisationId?: string;
}

/**
 * Adds one apprentice by name and resident ID (and, in a grouped class, the small firm employing them). The server's
 * eligibility refusals land on the field they concern, in words that say what to do.
 */
export function AddApprenticeModal({ record, open, onClose }: { record: ApprenticeshipClass; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grouped = record.kind === 'grouped';
  const add = useAddApprentice(record.id);

  const submit = async () => {
    const v = form.getFieldsValue();
    if (grouped && !v.employerOrganisationId) {
      showIssues(form, tt, [{ path: 'body.employerOrganisationId', code: 'REQUIRED', message: 'required' }]);
      return;
    }
    const input = parseWith(
      addApprenticeRequest,
      { name: v.name?.trim() || undefined, residentId: v.residentId?.trim().toUpperCase() || undefined, employerOrganisationId: grouped ? v.employerOrganisationId : undefined },
      form,
      tt,
    );
    if (!input) return;
    try {
      const added = await add.mutateAsync(input);
      void message.success(t('apprenticeships.roster.added', { name: added.personName }));
      form.resetFields();
      onClose();
    } catch (e) {
      if (!(e instanceof ApiError)) {
        void message.error(errorTextIn(t, 'apprenticeships.codes', e));
        return;
      }
      const refusal = apprenticeRefusalOf(e.code, e.details, grouped);
      if (refusal) {
        form.setFields([{ name: refusal.field, errors: [t(`apprenticeships.eligibility.${refusal.key}`, refusal.values)] }]);
        return;
      }
      if (e.details?.issues && showIssues(form, tt, e.details.issues)) return;
      void message.error(errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  return (
    <SaveModal open={open} title={t('apprenticeships.roster.addTitle')} saving={add.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="apprentice-save">
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="apprentice-form">
        <Form.Item name="name" label={t('apprenticeships.roster.person')} required>
          <Input maxLength={50} data-testid="apprentice-name" />
        </Form.Item>
        <Form.Item name="residentId" label={t('apprenticeships.roster.residentId')} required>
          <Input maxLength={18} autoComplete="off" data-testid="apprentice-resident-id" />
        </Form.Item>
        {grouped && (
          <Form.Item name="employerOrganisationId" label={t('apprenticeships.roster.employer')} required extra={t('apprenticeships.roster.employerHint')}>
            <OrganisationSelect type="enterprise" placeholder={t('apprenticeships.roster.employerPlaceholder')} testId="apprentice-employer" />
          </Form.Item>
        )}
      </Form>
    </SaveModal>
  );
}
