package dev.lakeward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInAuthorizerTest {

    private static final Securable METASTORE = new Securable(SecurableType.METASTORE, "m", "lakeward", "admin", null);
    private static final Securable CATALOG = new Securable(SecurableType.CATALOG, "c", "main", "carol", METASTORE);
    private static final Securable SCHEMA = new Securable(SecurableType.SCHEMA, "s", "main.sales", "carol", CATALOG);
    private static final Securable ORDERS = new Securable(SecurableType.TABLE, "t1", "main.sales.orders", "carol", SCHEMA);
    private static final Securable CUSTOMERS = new Securable(SecurableType.TABLE, "t2", "main.sales.customers", "carol", SCHEMA);
    private static final Principal ALICE = new Principal("alice", Principal.Kind.USER);

    private final GrantSnapshot snapshot = GrantSnapshot.of(7, List.of(
            new Grant("c", "analysts", Privilege.USE_CATALOG),
            new Grant("c", "alice", Privilege.USE_SCHEMA),
            new Grant("c", "analysts", Privilege.SELECT),
            new Grant("t1", "alice", Privilege.MODIFY)),
            List.of(new Membership("analysts", "team"), new Membership("team", "alice")));
    private final BuiltInAuthorizer authorizer = new BuiltInAuthorizer(() -> snapshot,
            new RoleGroups("scim-provisioners", "lineage-writers"));

    @Test
    void aBatchIsAnsweredInOrder() {
        List<Decision> decisions = authorizer.authorize(ALICE, List.of(
                new Check(Action.MODIFY, ORDERS),
                new Check(Action.MODIFY, CUSTOMERS),
                new Check(Action.SELECT, CUSTOMERS),
                new Check(Action.MANAGE, CATALOG)));

        assertThat(decisions).extracting(Decision::allowed).containsExactly(true, false, true, false);
        assertThat(decisions.get(0).reason()).isEqualTo("MODIFY granted to 'alice' on table 'main.sales.orders'");
        assertThat(decisions.get(2).reason()).isEqualTo("SELECT granted to 'analysts' on catalog 'main'");
        assertThat(decisions.get(1).reason())
                .isEqualTo("User alice does not have MODIFY on table 'main.sales.customers'");
    }

    @Test
    void effectivePrivilegesSayWhereEachComesFrom() {
        List<Holding> holdings = authorizer.effectivePrivileges(ALICE, ORDERS);

        assertThat(holdings).containsExactly(
                new Holding(Privilege.MODIFY, ORDERS, "alice", false),
                new Holding(Privilege.SELECT, CATALOG, "analysts", false));
    }

    @Test
    void groupsAreResolvedTransitivelyOnce() {
        assertThat(snapshot.identities("ALICE")).containsExactlyInAnyOrder("alice", "team", "analysts");
        assertThat(snapshot.identities("alice")).isSameAs(snapshot.identities("Alice"));
    }

    @Test
    void privilegesAreReadInBothSpellings() {
        assertThat(Privilege.parse("USE CATALOG")).contains(Privilege.USE_CATALOG);
        assertThat(Privilege.parse("use_catalog")).contains(Privilege.USE_CATALOG);
        assertThat(Privilege.parse("ALL PRIVILEGES")).contains(Privilege.ALL_PRIVILEGES);
        assertThat(Privilege.parse("DROP")).isEmpty();
        assertThat(Privilege.CREATE_CATALOG.isGrantableOn(SecurableType.TABLE)).isFalse();
        assertThat(Privilege.SELECT.isGrantableOn(SecurableType.CATALOG)).isTrue();
    }
}
