package dev.lakeward.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The default engine: decides in-process from a {@link GrantSnapshot}, as Databricks documents
 * Unity Catalog's model.
 * <ul>
 * <li>A privilege granted on a securable reaches everything below it; group grants reach every
 * member, through nested groups.</li>
 * <li>Owners hold every privilege, MANAGE included, on what they own and everything below it; the
 * metastore's owner is therefore the metastore admin.</li>
 * <li>{@code ALL PRIVILEGES} gives every privilege but {@code MANAGE} and {@code EXTERNAL USE SCHEMA}.</li>
 * <li>Reaching an object needs {@code USE CATALOG} on its catalog and {@code USE SCHEMA} on its
 * schema, then the privilege the action names: {@code SELECT}, {@code MODIFY},
 * {@code CREATE SCHEMA}, {@code CREATE TABLE}, {@code CREATE VOLUME}, {@code READ VOLUME},
 * {@code EXECUTE}, {@code MANAGE}…</li>
 * <li>Metadata is visible with {@code BROWSE} (no {@code USE} needed), or with the {@code USE}
 * path and any privilege on the object.</li>
 * <li>The roles of {@link RoleGroups} are held by members of their group, through nested groups
 * (not by a principal that merely bears the group's name): provisioning, else {@code MANAGE} on
 * the metastore; writing lineage for a table, else {@code MODIFY} on it.</li>
 * </ul>
 */
public final class BuiltInAuthorizer implements Authorizer {

    private final Supplier<GrantSnapshot> snapshot;
    private final RoleGroups roles;

    public BuiltInAuthorizer(Supplier<GrantSnapshot> snapshot, RoleGroups roles) {
        this.snapshot = snapshot;
        this.roles = roles;
    }

    @Override
    public List<Decision> authorize(Principal principal, List<Check> checks) {
        Evaluation evaluation = new Evaluation(snapshot.get(), roles, principal);
        List<Decision> decisions = new ArrayList<>(checks.size());
        for (Check check : checks) {
            decisions.add(evaluation.decide(check));
        }
        return decisions;
    }

    /** Every grant that gives the principal a privilege on the securable, nearest first. */
    public List<Holding> effectivePrivileges(Principal principal, Securable securable) {
        return new Evaluation(snapshot.get(), roles, principal).holdingsOn(securable);
    }

    /** One batch's decisions for one principal: its groups are resolved once. */
    private static final class Evaluation {

        private final GrantSnapshot snapshot;
        private final RoleGroups roles;
        private final Principal principal;
        private final Set<String> identities;

        Evaluation(GrantSnapshot snapshot, RoleGroups roles, Principal principal) {
            this.snapshot = snapshot;
            this.roles = roles;
            this.principal = principal;
            this.identities = snapshot.identities(principal.name());
        }

        Decision decide(Check check) {
            Securable target = check.securable();
            return switch (check.action()) {
                case READ_METADATA -> readMetadata(target);
                case SELECT -> requireOnPath(target, false, Privilege.SELECT);
                case MODIFY -> requireOnPath(target, false, Privilege.MODIFY);
                case CREATE_CATALOG -> require(target, Privilege.CREATE_CATALOG);
                case CREATE_SCHEMA -> requireOnPath(target, true, Privilege.CREATE_SCHEMA);
                case CREATE_TABLE -> requireOnPath(target, true, Privilege.CREATE_TABLE);
                case CREATE_VOLUME -> requireOnPath(target, true, Privilege.CREATE_VOLUME);
                case CREATE_FUNCTION -> requireOnPath(target, true, Privilege.CREATE_FUNCTION);
                case CREATE_MODEL -> requireOnPath(target, true, Privilege.CREATE_MODEL);
                case READ_VOLUME -> requireOnPath(target, false, Privilege.READ_VOLUME);
                case WRITE_VOLUME -> requireOnPath(target, false, Privilege.WRITE_VOLUME);
                case EXECUTE -> requireOnPath(target, false, Privilege.EXECUTE);
                case MANAGE -> requireOnPath(target, false, Privilege.MANAGE);
                case EXTERNAL_USE_SCHEMA -> requireOnPath(target, false, Privilege.EXTERNAL_USE_SCHEMA);
                case READ_FILES -> requireOnPath(target, false, Privilege.READ_FILES);
                case WRITE_FILES -> requireOnPath(target, false, Privilege.WRITE_FILES);
                case CREATE_EXTERNAL_TABLE -> requireOnPath(target, false, Privilege.CREATE_EXTERNAL_TABLE);
                case CREATE_EXTERNAL_VOLUME -> requireOnPath(target, false, Privilege.CREATE_EXTERNAL_VOLUME);
                case PROVISION_IDENTITIES -> memberOf(roles.provisioners())
                        ? Decision.allow("member of '" + roles.provisioners() + "'")
                        : require(target, Privilege.MANAGE);
                case WRITE_LINEAGE -> memberOf(roles.lineageWriters())
                        ? Decision.allow("member of '" + roles.lineageWriters() + "'")
                        : requireOnPath(target, false, target.type() == SecurableType.VOLUME
                                ? Privilege.WRITE_VOLUME : Privilege.MODIFY);
            };
        }

        /**
         * Whether the principal belongs to the group, directly or through nested groups. Its own
         * key is among its identities, so a user named like the group (the group deleted, or never
         * created) is told apart: being the name is not membership.
         */
        private boolean memberOf(String group) {
            String key = Principal.key(group);
            return !key.equals(principal.key()) && identities.contains(key);
        }

        private Decision readMetadata(Securable target) {
            if (target.type() == SecurableType.METASTORE) {
                return Decision.allow("the metastore is visible to every principal");
            }
            Holding browse = holding(Privilege.BROWSE, target);
            if (browse != null) {
                return Decision.allow(browse.describe());
            }
            Decision path = usePath(target, false);
            if (path != null) {
                return path;
            }
            Holding any = anyPrivilegeOn(target);
            if (any != null) {
                return Decision.allow(any.describe());
            }
            return deny(visibilityPrivilege(target.type()), target);
        }

        /** USE on the containers above the target (and on the target itself, for creating in it), then the privilege. */
        private Decision requireOnPath(Securable target, boolean useTargetItself, Privilege privilege) {
            Decision path = usePath(target, useTargetItself);
            return path != null ? path : require(target, privilege);
        }

        private Decision require(Securable target, Privilege privilege) {
            Holding holding = holding(privilege, target);
            return holding != null ? Decision.allow(holding.describe()) : deny(privilege, target);
        }

        /**
         * The first USE privilege missing on the way down to the target: USE CATALOG on its catalog,
         * USE SCHEMA on its schema; the target's own only when something is created in it. Null when
         * none is missing.
         */
        private Decision usePath(Securable target, boolean useTargetItself) {
            for (Securable container : target.path()) {
                if (container == target && !useTargetItself) {
                    break;
                }
                Privilege use = switch (container.type()) {
                    case CATALOG -> Privilege.USE_CATALOG;
                    case SCHEMA -> Privilege.USE_SCHEMA;
                    default -> null;
                };
                if (use != null && holding(use, container) == null) {
                    return deny(use, container);
                }
            }
            return null;
        }

        /** The nearest reason the principal holds the privilege on the target, or null. */
        private Holding holding(Privilege privilege, Securable target) {
            List<Holding> found = find(target, held -> held.implies(privilege), false);
            return found.isEmpty() ? null : found.get(0);
        }

        /** Any privilege that takes effect on the target's type, held on it or above it, or null. */
        private Holding anyPrivilegeOn(Securable target) {
            List<Holding> found = find(target, held -> held.appliesTo(target.type()), false);
            return found.isEmpty() ? null : found.get(0);
        }

        List<Holding> holdingsOn(Securable target) {
            return find(target, held -> held.isGrantableOn(target.type()), true);
        }

        /**
         * Ownerships and grants of the principal (or its groups) on the target and above it whose
         * privilege passes the test, nearest first; only the first unless {@code all}. Owning
         * passes every test.
         */
        private List<Holding> find(Securable target, Predicate<Privilege> test, boolean all) {
            List<Holding> found = new ArrayList<>(all ? 8 : 1);
            for (Securable on = target; on != null; on = on.parent()) {
                if (on.owner() != null && identities.contains(Principal.key(on.owner()))) {
                    found.add(new Holding(Privilege.ALL_PRIVILEGES, on, on.owner(), true));
                    if (!all) {
                        return found;
                    }
                }
                for (Map.Entry<String, EnumSet<Privilege>> grant : snapshot.grantsOn(on.id()).entrySet()) {
                    if (!identities.contains(grant.getKey())) {
                        continue;
                    }
                    for (Privilege held : grant.getValue()) {
                        if (test.test(held)) {
                            found.add(new Holding(held, on, grant.getKey(), false));
                            if (!all) {
                                return found;
                            }
                        }
                    }
                }
            }
            return found;
        }

        private Decision deny(Privilege missing, Securable on) {
            return Decision.deny(principal.kind().label() + " " + principal.name() + " does not have "
                    + missing.sqlName() + " on " + on.describe());
        }

        private static Privilege visibilityPrivilege(SecurableType type) {
            return switch (type) {
                case CATALOG -> Privilege.USE_CATALOG;
                case SCHEMA -> Privilege.USE_SCHEMA;
                default -> Privilege.BROWSE;
            };
        }
    }
}
