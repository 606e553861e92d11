'use client';

import { TextField } from '@navikt/ds-react';
import { useState } from 'react';

/**
 * A whole number typed freely: the text is kept while typing (an emptied field stays empty
 * instead of jumping to 0), and the parent gets NaN for anything not a number, which the
 * schema or service behind the form refuses for that field.
 */
export function WholeNumberField({ id, label, description, value, onChange, min, max, error }: {
  /** For focus and for links from an error summary. */
  id?: string;
  label: string;
  description?: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  error?: string;
}) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : '');
  return (
    <TextField
      id={id}
      label={label}
      description={description}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      htmlSize={6}
      value={text}
      error={error}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
      }}
    />
  );
}
