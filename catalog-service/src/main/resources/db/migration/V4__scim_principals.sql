-- What SCIM says of a principal, beside its unique name (userName, a group's displayName, a
-- service principal's applicationId). An inactive principal keeps its grants but cannot sign in.
alter table principal
    add column external_id  text,
    add column display_name text,
    add column given_name   text,
    add column family_name  text,
    add column emails       jsonb       not null default '[]',
    add column active       boolean     not null default true,
    add column version      bigint      not null default 1,
    add column updated_at   timestamptz;
update principal set updated_at = created_at;
alter table principal alter column updated_at set not null;
