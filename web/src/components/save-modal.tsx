import type { ReactNode } from 'react';
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** A dialog around a form: Save (busy while saving) and Cancel; what was typed is forgotten once it closes. */
export function SaveModal({
  open,
  title,
  width,
  saving,
  onSave,
  onClose,
  saveTestId,
  children,
}: {
  open: boolean;
  title: ReactNode;
  width?: number;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  saveTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      width={width}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onSave}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': saveTestId }}
    >
      {children}
    </Modal>
  );
}
