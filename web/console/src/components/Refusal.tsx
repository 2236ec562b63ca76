import { useProblemText } from '../problems.ts';

/** A failed request said in the console's language, announced to screen readers; nothing when there is none. */
export function Refusal({ error, id }: { error: unknown; id?: string }) {
  const problemText = useProblemText();
  if (error === null || error === undefined) return null;
  return (
    <p className="error" role="alert" id={id}>
      {problemText(error)}
    </p>
  );
}
