-- Which directory a principal was synced from (e.g. 'keycloak'); a sync deactivates or removes
-- only what it brought in, never principals an admin or SCIM made.
alter table principal add column synced_from text;

-- SCIM's enterprise user extension (employeeNumber, costCenter, organization, division,
-- department, manager), kept as the identity provider sent it.
alter table principal add column enterprise jsonb not null default '{}';

-- Identity providers look users up by externalId as often as by userName.
create index principal_external_id on principal (external_id) where external_id is not null;

-- The grant snapshot names principals: a rename (SCIM's userName or displayName, a sync) must
-- reach it as a grant change does.
create trigger principal_renamed after update on principal
    for each row when (old.name is distinct from new.name) execute function bump_authz_version();
