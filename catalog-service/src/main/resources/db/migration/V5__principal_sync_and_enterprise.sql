-- Which directory a principal was synced from (e.g. 'keycloak'); a sync deactivates or removes
-- only what it brought in, never principals an admin or SCIM made.
alter table principal add column synced_from text;
