import { useState } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { catalogueError } from './error-text.ts';

/** A "new …" modal's state: open or not, its form, and a submit that posts to `path`, closes on success and shows the error otherwise. */
export function useCreateForm<T extends object>(path: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<T>();
  const create = useCatalogueMutation<T>('POST', () => path);
  const submit = async (values: T) => {
    try {
      await create.mutateAsync(values);
      setOpen(false);
      form.resetFields();
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  return { open, setOpen, form, submit, isPending: create.isPending };
}
