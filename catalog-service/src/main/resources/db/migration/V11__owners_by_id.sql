-- Owners are principals by identity, not by name: a deleted principal's name can never be claimed
-- by a later one. Each owned object keeps its owner's name (what the API shows and the policy
-- engine compares), now derived from owner_id: a trigger resolves the name given on every write
-- to the principal's id (refusing a name that is no principal), a rename carries over to every
-- object the principal owns, and no principal that owns anything can be deleted.

-- An owner that names no principal (the hole this closes) goes to the metastore's owner.
insert into principal (id, name, type, created_at, updated_at)
    select gen_random_uuid(), m.owner, 'USER', now(), now() from metastore m
    where not exists (select 1 from principal p where lower(p.name) = lower(m.owner));

create function owner_by_id() returns trigger language plpgsql as $$
declare
    found principal%rowtype;
begin
    select * into found from principal where lower(name) = lower(new.owner);
    if found.id is null then
        raise foreign_key_violation using message = format('owner %L is not a principal', new.owner);
    end if;
    new.owner_id := found.id;
    new.owner := found.name;
    return new;
end $$;

do $$
declare
    owned text;
begin
    foreach owned in array array['metastore', 'catalog', 'catalog_schema', 'catalog_table', 'storage_credential',
            'external_location'] loop
        execute format('alter table %I add column owner_id uuid', owned);
        execute format('update %I o set owner = (select owner from metastore) where not exists'
            || ' (select 1 from principal p where lower(p.name) = lower(o.owner))', owned);
        execute format('update %I o set owner_id = p.id, owner = p.name from principal p'
            || ' where lower(p.name) = lower(o.owner)', owned);
        execute format('alter table %I alter column owner_id set not null', owned);
        execute format('alter table %I add constraint %I foreign key (owner_id) references principal (id)',
            owned, owned || '_owner');
        execute format('create index %I on %I (owner_id)', owned || '_owner_id', owned);
        execute format('create trigger %I before insert or update of owner on %I'
            || ' for each row execute function owner_by_id()', owned || '_owner_by_id', owned);
    end loop;
end $$;

create function owners_follow_rename() returns trigger language plpgsql as $$
begin
    update metastore set owner = new.name where owner_id = new.id;
    update catalog set owner = new.name where owner_id = new.id;
    update catalog_schema set owner = new.name where owner_id = new.id;
    update catalog_table set owner = new.name where owner_id = new.id;
    update storage_credential set owner = new.name where owner_id = new.id;
    update external_location set owner = new.name where owner_id = new.id;
    return null;
end $$;
create trigger principal_owner_names after update of name on principal
    for each row when (old.name is distinct from new.name) execute function owners_follow_rename();
