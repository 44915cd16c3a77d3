/** The ids a field's label gives its description and error, for the control's aria-describedby. */
export function fieldLabelIds(id: string) {
  return { descriptionId: `${id}-description`, errorId: `${id}-error` };
}

type Props = {
  htmlFor: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
};

/** An FKUI field's label, with its description and its error message inside it. */
export function FieldLabel({ htmlFor, label, description, error }: Props) {
  const { descriptionId, errorId } = fieldLabelIds(htmlFor);
  return (
    <label className="label" htmlFor={htmlFor}>
      {label}
      {description !== undefined && (
        <span className="label__description" id={descriptionId}>
          {description}
        </span>
      )}
      {error !== undefined && (
        <span className="label__message label__message--error" id={errorId}>
          {error}
        </span>
      )}
    </label>
  );
}
