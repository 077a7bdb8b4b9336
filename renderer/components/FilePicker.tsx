/**
 * A file input under its label, which reads the file as soon as one is chosen; the input's own
 * button is what the keyboard and screen readers use.
 */
export function FilePicker({
  id,
  label,
  accept,
  describedBy,
  onFile,
}: {
  id: string;
  label: string;
  /** The kinds of file offered, as the input's `accept` takes them. */
  accept: string;
  describedBy?: string;
  onFile: (file: File) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        className="file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
