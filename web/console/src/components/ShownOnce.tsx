/** A secret the server gives once (a key, a signing secret, a one-time password): what was made, and the secret to copy. */
export function ShownOnce({ made, warning, label, secret }: { made: string; warning: string; label: string; secret: string }) {
  return (
    <div className="secret">
      <p className="done">{made}</p>
      <p>{warning}</p>
      <output className="code-cell" aria-label={label}>
        {secret}
      </output>
    </div>
  );
}
