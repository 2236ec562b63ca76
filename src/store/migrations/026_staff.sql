-- People who run a programme in the console. An e-mail names one account in the whole installation, so signing in
-- needs no programme; an account belongs to one programme and sees nothing of another.
create table staff (
  id text primary key,
  program_id program not null references programs (id),
  email text not null unique check (email = lower(email)),
  name text not null,
  role text not null check (role in ('owner', 'marketer', 'support', 'analyst')),
  password_hash text not null,
  -- Failed sign-ins in a row, and until when the account refuses them after too many.
  failed_attempts int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null,
  password_changed_at timestamptz not null,
  disabled_at timestamptz
);
create index staff_program on staff (program_id);

-- A signed-in browser: the cookie holds a random secret, the table its hash; the CSRF token goes with every change.
create table staff_sessions (
  secret_hash bytea primary key,
  staff_id text not null references staff (id),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index staff_sessions_staff on staff_sessions (staff_id);
