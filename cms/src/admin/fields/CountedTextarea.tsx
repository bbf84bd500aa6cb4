import { Field, Flex, Textarea, Typography, useComposedRefs } from '@strapi/design-system';
import { useField, useFocusInputField } from '@strapi/strapi/admin';
import { forwardRef, type ReactNode } from 'react';

interface CountedTextareaProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: ReactNode;
  attribute?: { maxLength?: number };
  placeholder?: string;
}

/** "42 caratteri su 320", and how many are too many once over the limit. */
function characterCount(length: number, maxLength: number): string {
  const count = `${length} ${length === 1 ? 'carattere' : 'caratteri'} su ${maxLength}`;
  return length > maxLength ? `${count}: ${length - maxLength} di troppo` : count;
}

/**
 * Every long-text field, with the characters used beside the limit, so an officer writing a
 * 320-character summary sees where they stand while typing, not only when saving fails. Without a
 * limit it is Strapi's own textarea.
 */
export const CountedTextarea = forwardRef<HTMLTextAreaElement, CountedTextareaProps>(
  ({ name, label, hint, required, disabled, labelAction, attribute, placeholder }, ref) => {
    const field = useField<string | null>(name);
    const composedRefs = useComposedRefs(ref, useFocusInputField<HTMLTextAreaElement>(name));
    const value = field.value ?? '';
    const maxLength = attribute?.maxLength;
    const over = maxLength !== undefined && value.length > maxLength;
    return (
      <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Textarea ref={composedRefs} onChange={field.onChange} value={value} disabled={disabled} placeholder={placeholder} />
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
          <Field.Hint />
          {maxLength !== undefined && (
            <Typography
              variant="pi"
              textColor={over ? 'danger600' : 'neutral600'}
              data-character-count={name}
              style={{ whiteSpace: 'nowrap' }}
            >
              {characterCount(value.length, maxLength)}
            </Typography>
          )}
        </Flex>
        <Field.Error />
      </Field.Root>
    );
  },
);
