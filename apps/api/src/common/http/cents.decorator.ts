import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most two decimal places (money, percentages). Replaces class-validator's
 * `IsNumber({ maxDecimalPlaces: 2 })`, which throws (a 500) on numbers JavaScript writes in exponent form, such as 1e-7.
 */
export const IsCents = (validationOptions?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCents',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value,
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be a number with at most two decimal places`, validationOptions),
      },
    },
    validationOptions,
  );
