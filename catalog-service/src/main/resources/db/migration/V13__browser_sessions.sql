-- The data explorer's sign-in sessions. The cookie carries 256 random bits; only their SHA-256 is
-- kept. A session begun with a Lakeward token names that token, so that revoking the token ends
-- the session; one begun through OIDC names none. Deleting the principal ends its sessions.
create table browser_session (
    id_hash      text primary key,
    principal_id uuid        not null references principal (id) on delete cascade,
    token_hash   text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null
);
create index browser_session_principal on browser_session (principal_id);
create index browser_session_expiry on browser_session (expires_at);
