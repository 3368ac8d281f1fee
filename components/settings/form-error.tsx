// An action's error or confirmation under its form, announced to screen readers.
export function FormFeedback({ error, message }: { error?: string; message?: string }) {
  if (error)
    return (
      <p role="alert" className="mt-2 text-sm text-danger">
        {error}
      </p>
    );
  if (message)
    return (
      <p role="status" className="mt-2 text-sm text-muted">
        {message}
      </p>
    );
  return null;
}
