import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { forwardRef, useMemo, useState } from 'react';

/** Codes Intl knows that are not countries (the EU, the eurozone, the UN, "outlying Oceania", test codes). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Every ISO 3166-1 alpha-2 code the browser can name, with its Italian name, in Italian order. */
function countries(): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames(['it'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const list: Array<{ code: string; name: string }> = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = names.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) list.push({ code, name });
    }
  }
  return list.sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

interface CountryInputProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * The partner's country, picked by its Italian name ("Portogallo") and stored as its ISO code
 * ("PT"), which the site and the open data use. Typing filters the list.
 */
export const CountryInput = forwardRef<HTMLInputElement, CountryInputProps>(({ name, label, hint, required, disabled }, ref) => {
  const field = useField<string | null>(name);
  const options = useMemo(countries, []);
  const labels = useMemo(() => new Map(options.map(({ code, name: countryName }) => [code, `${countryName} (${code})`])), [options]);
  // The text in the box: what the officer is typing, else the chosen country's name. Given, not
  // left to the combobox: over 100 options it renders only those in view until something is
  // typed, so on its own it could not name the stored country and showed an empty box.
  const [typed, setTyped] = useState<string | null>(null);
  const chosen = field.value ? (labels.get(field.value) ?? field.value) : '';
  return (
    <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        ref={ref}
        value={field.value ?? undefined}
        textValue={typed ?? chosen}
        onTextValueChange={setTyped}
        // Opened, the list offers every country until something is typed; closed, the box names the chosen one.
        onOpenChange={(open: boolean) => setTyped((text) => (open ? (text ?? '') : null))}
        onChange={(code?: string) => {
          setTyped(null);
          field.onChange(name, code ?? null);
        }}
        onClear={() => {
          setTyped(null);
          field.onChange(name, null);
        }}
        clearLabel="Cancella il paese"
        disabled={disabled}
        // Filter the list as one types, without completing the text inline ("P" would become "Polinesia…").
        autocomplete="list"
        placeholder="Scegli o digita il nome del paese"
        noOptionsMessage={() => 'Nessun paese con questo nome'}
        loadingMessage="Caricamento…"
      >
        {options.map(({ code }) => (
          <ComboboxOption key={code} value={code}>
            {labels.get(code)}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
