import { Alert, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { applyApiError } from './admin/forms.ts';

/**
 * A check that failed before anything was sent: the problems already sit beside their fields;
 * `text` (if any) is shown above the form.
 */
export class FormInvalid extends Error {
  constructor(readonly text: string | null = null) {
    super(text ?? 'invalid');
  }
}

/** The body of a check that passed (checkWith); a failed one (null) ends the submit. */
export function passed<D>(data: D | null): D {
  if (data === null) throw new FormInvalid();
  return data;
}

/**
 * The one shape of a dialog that edits through the API: a Modal with a vertical Form, the submit
 * button busy while `onSubmit` runs, and its failure shown where it belongs: a field problem of the
 * API beside its field (of `fields`), anything else (or a FormInvalid's text) in an alert above.
 */
export function FormDialog<V = Record<string, unknown>>({
  form,
  title,
  okText,
  width,
  fields,
  initialValues,
  onValuesChange,
  onSubmit,
  onCancel,
  lead,
  intro,
  children,
  after,
  modal,
}: {
  form: FormInstance;
  title: ReactNode;
  /** Default: 保存 / Save. */
  okText?: ReactNode;
  width?: number;
  /** The form's fields an API field problem may be shown beside. */
  fields: readonly string[];
  initialValues?: FormProps['initialValues'];
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  /** Check and send; throws FormInvalid or the API's refusal. */
  onSubmit: (values: V) => Promise<unknown>;
  onCancel: () => void;
  /** Shown above everything, the alert included (what the dialog is about). */
  lead?: ReactNode;
  /** Shown between the alert and the form (hints, what is being answered). */
  intro?: ReactNode;
  children: ReactNode;
  /** Shown below the form, outside it (a table edited beside the fields). */
  after?: ReactNode;
  /** Other props of the Modal (a footer, an OK button's props). */
  modal?: Omit<ModalProps, 'open' | 'title' | 'okText' | 'width' | 'onOk' | 'onCancel' | 'children'>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(v: V) {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(v);
    } catch (e) {
      setError(e instanceof FormInvalid ? e.text : applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      {...(width !== undefined ? { width } : {})}
      okText={okText ?? t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      {...modal}
    >
      {lead}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {intro}
      <Form
        form={form}
        layout="vertical"
        {...(initialValues ? { initialValues } : {})}
        {...(onValuesChange ? { onValuesChange } : {})}
        onFinish={(v: V) => void save(v)}
      >
        {children}
      </Form>
      {after}
    </Modal>
  );
}
