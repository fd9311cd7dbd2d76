/** What a resource form holds while a person edits it: text, numbers (`''` while empty), switches. */
export type FormValues = Record<string, string | number | boolean>;

type FieldBase<Values extends FormValues> = {
  name: keyof Values & string;
  label: string;
  /** A hint under the field; a function when it depends on other fields (e.g. the unit of a threshold). */
  description?: string | ((values: Values) => string);
  /** Set once at creation (e.g. a cloud account's provider): shown but not editable afterwards. */
  lockedOnEdit?: boolean;
};

export type ResourceField<Values extends FormValues> = FieldBase<Values> &
  (
    | { kind: 'text'; maxLength: number; optional?: boolean; pattern?: { regex: RegExp; message: string } }
    | { kind: 'number'; min: number; max: number; decimals: number }
    | { kind: 'select'; options: readonly { value: string; label: string }[] }
    | { kind: 'switch' }
    /** One of the org's cloud accounts, or '' for the whole organization. */
    | { kind: 'account' }
  );

export type FieldErrors = Partial<Record<string, string>>;

/** The same limits as the API's DTOs, checked before sending so that mistakes show beside their field. */
export function validateFields<Values extends FormValues>(fields: ResourceField<Values>[], values: Values): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'text') {
      const text = String(value).trim();
      if (!text && !field.optional) errors[field.name] = `Enter the ${field.label.toLowerCase()}`;
      else if (text.length > field.maxLength) errors[field.name] = `At most ${field.maxLength} characters`;
      else if (text && field.pattern && !field.pattern.regex.test(text)) errors[field.name] = field.pattern.message;
    }
    if (field.kind === 'number') {
      if (value === '') errors[field.name] = `Enter the ${field.label.toLowerCase()}`;
      else if (Number(value) < field.min) errors[field.name] = `At least ${field.min}`;
      else if (Number(value) > field.max) errors[field.name] = `At most ${field.max}`;
    }
  }
  return errors;
}

/** An `account` field in a create body: left out for the whole organization. */
export function accountOnCreate(accountId: string): { account_id?: string } {
  return accountId ? { account_id: accountId } : {};
}

/** An `account` field in an update body: null (rather than left out) moves the item back to the whole organization. */
export function accountOnUpdate(accountId: string): { account_id: string | null } {
  return { account_id: accountId || null };
}
