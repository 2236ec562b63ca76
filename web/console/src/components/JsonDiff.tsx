import { diffLines } from 'diff';

/** Two versions of an object, line by line: removed lines marked −, added +. */
export function JsonDiff({ before, after, label }: { before: unknown; after: unknown; label: string }) {
  const text = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2) + '\n');
  const parts = diffLines(text(before), text(after));
  return (
    <pre className="diff" aria-label={label} tabIndex={0}>
      {parts.map((part, i) => (
        <span key={i} className={part.added ? 'added' : part.removed ? 'removed' : 'same'}>
          {part.value
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${part.added ? '+ ' : part.removed ? '- ' : '  '}${line}`)
            .join('\n') + '\n'}
        </span>
      ))}
    </pre>
  );
}
