import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorAlert } from '../../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../../lib/api-error';
import { useAllCloudAccounts } from '../../api/cloud-accounts';
import { validateFields, type FieldErrors, type FormValues, type ResourceField } from './resource-fields';

type ResourceFormDialogProps<Values extends FormValues> = {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  fields: ResourceField<Values>[];
  initialValues: Values;
  /** Editing an existing item: fields `lockedOnEdit` are shown disabled. */
  editing: boolean;
  onSubmit: (values: Values) => void;
  pending: boolean;
  /** The API's answer to the last attempt (400, 403, 409…), shown in the dialog. */
  error: unknown;
};

/** Create or edit one org resource from a list of field descriptions. */
export function ResourceFormDialog<Values extends FormValues>(props: ResourceFormDialogProps<Values>) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      {/* Mounted only while open, so that every opening starts from the item's own values. */}
      {props.opened && <ResourceForm {...props} />}
    </Modal>
  );
}

function ResourceForm<Values extends FormValues>({ fields, initialValues, editing, submitLabel, onSubmit, onClose, pending, error }: ResourceFormDialogProps<Values>) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const setValue = (name: keyof Values, value: Values[keyof Values]) => setValues((current) => ({ ...current, [name]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateFields(fields, values);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {fields.map((field, index) => {
          const common = {
            label: field.label,
            description: typeof field.description === 'function' ? field.description(values) : field.description,
            error: errors[field.name],
            disabled: pending || (editing && field.lockedOnEdit),
            'data-autofocus': index === 0 || undefined,
          };
          const value = values[field.name];
          const change = (next: unknown) => setValue(field.name, next as Values[keyof Values]);
          // Text inputs and native selects hold their value as text alike.
          const asText = { value: String(value), onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => change(event.currentTarget.value) };
          switch (field.kind) {
            case 'text':
              return (
                <TextInput key={field.name} {...common} {...asText} required={!field.optional} maxLength={field.maxLength} />
              );
            case 'number':
              return (
                <NumberInput
                  key={field.name}
                  {...common}
                  required
                  min={field.min}
                  max={field.max}
                  decimalScale={field.decimals}
                  value={value as number | string}
                  onChange={change}
                />
              );
            case 'select':
              return (
                <NativeSelect key={field.name} {...common} {...asText} data={[...field.options]} />
              );
            case 'switch':
              return (
                <Switch key={field.name} {...common} checked={Boolean(value)} onChange={(event) => change(event.currentTarget.checked)} />
              );
            case 'account':
              return <AccountSelect key={field.name} {...common} value={String(value)} onChange={change} />;
          }
        })}
        {error != null && <ErrorAlert title={`${submitLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type AccountSelectProps = { label: string; description?: string; disabled?: boolean; value: string; onChange: (accountId: string) => void };

/** The whole organization, or one of its cloud accounts. */
function AccountSelect({ value, onChange, description, ...props }: AccountSelectProps) {
  const accounts = useAllCloudAccounts();
  const options = [{ value: '', label: 'Whole organization' }, ...(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }))];
  const hint = accounts.isError ? 'The cloud accounts could not be loaded: only the whole organization can be chosen.' : description;
  return <NativeSelect {...props} description={hint} data={options} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
}
