import type { ComponentChildren, InputHTMLAttributes, PartialInputHTMLAttributes } from 'preact';

/** The input's own attributes, less the two the field wires itself. */
type InputAttributes = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>;

/**
 * A labelled text input whose value lives in the page's state. The input sits inside its label, so
 * the label's text is the input's accessible name without an id to pair them.
 */
export function TextField({
  label,
  value,
  onValue,
  ...input
}: InputAttributes & {
  /** The visible label, which is also the input's accessible name. */
  label: ComponentChildren;
  value: string;
  /** Called with the new text on every keystroke. */
  onValue: (value: string) => void;
}) {
  // The cast: Preact's full input type pairs each input type with its allowed ARIA roles, a union
  // that rest props cannot be proven to match; the attributes passed are the input's own.
  const attributes = input as InputHTMLAttributes<HTMLInputElement>;
  return (
    <label>
      {label}
      <input {...attributes} value={value} onInput={(event) => onValue(event.currentTarget.value)} />
    </label>
  );
}
