import { cloneElement, createContext, type ReactElement, type ReactNode, useContext, useLayoutEffect, useState } from 'react';
import { fieldId } from './campaign.ts';

/** The server's issues about the campaign being edited, by path. */
export const IssuesContext = createContext<Map<string, string>>(new Map());

/** A labelled input for one path of the campaign, with the server's issue about it said beside it. */
export function Field({ path, label, hint, children }: { path: string; label: ReactNode; hint?: ReactNode; children: ReactElement<Record<string, unknown>> }) {
  const issue = useContext(IssuesContext).get(path);
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : '', issue ? `${id}-issue` : ''].filter(Boolean).join(' ');
  return (
    <div className={issue ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': issue ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {issue && (
        <p className="issue" id={`${id}-issue`}>
          {issue}
        </p>
      )}
    </div>
  );
}

/** The issue about a whole part (a list, a group), where no single input stands for it. */
export function PartIssue({ path }: { path: string }) {
  const issue = useContext(IssuesContext).get(path);
  return issue ? (
    <p className="issue" id={`${fieldId(path)}-issue`}>
      {issue}
    </p>
  ) : null;
}

/**
 * A link from the summary of issues to the input it is about, named as the form names it (its label, or the
 * legend or heading of the part) rather than by the path the server gives.
 */
export function IssueLink({ path }: { path: string }) {
  const id = fieldId(path);
  const [link, setLink] = useState({ name: path, target: id });
  useLayoutEffect(() => {
    const input = document.getElementById(id);
    const label = input ? document.querySelector(`label[for="${id}"]`) : null;
    const part = (input ?? document.getElementById(`${id}-issue`))?.closest('fieldset, section');
    const text = (label ?? part?.querySelector('legend, h2, h3'))?.textContent?.trim();
    setLink({ name: text || path, target: input ? id : `${id}-issue` });
  }, [id, path]);
  return <a href={`#${link.target}`}>{link.name}</a>;
}
