package dev.lakeward.policy.bench;

import dev.lakeward.policy.Action;
import dev.lakeward.policy.BuiltInAuthorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Grant;
import dev.lakeward.policy.GrantSnapshot;
import dev.lakeward.policy.Membership;
import dev.lakeward.policy.Principal;
import dev.lakeward.policy.Privilege;
import dev.lakeward.policy.RoleGroups;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in evaluator at catalog scale: 100,000 grants, 10,000 principals, groups nested five
 * deep. A single check, and a batch of 1,000 metadata checks (a page of a schema's listing) of
 * which the principal may see half. Run: {@code ./mvnw verify -Pbench -pl policy-engine}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizerBenchmark {

    private static final int USERS = 10_000;
    private static final int GROUP_CHAINS = 200;
    private static final int DEPTH = 5;
    private static final int CATALOGS = 10;
    private static final int SCHEMAS_PER_CATALOG = 10;
    private static final int TABLES_PER_SCHEMA = 1_000;
    private static final int GRANTS = 100_000;

    private BuiltInAuthorizer authorizer;
    private Principal user;
    private Check single;
    private List<Check> page;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Membership> memberships = new ArrayList<>();
        // chains g<c>_0 ⊃ g<c>_1 ⊃ … ⊃ g<c>_4; each user sits in the innermost group of three chains
        for (int chain = 0; chain < GROUP_CHAINS; chain++) {
            for (int level = 1; level < DEPTH; level++) {
                memberships.add(new Membership(group(chain, level - 1), group(chain, level)));
            }
        }
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < 3; k++) {
                memberships.add(new Membership(group(random.nextInt(GROUP_CHAINS), DEPTH - 1), "user" + u));
            }
        }
        Securable metastore = new Securable(SecurableType.METASTORE, "m", "lakeward", "admin", null);
        List<Securable> tables = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        Securable benchSchema = null;
        for (int c = 0; c < CATALOGS; c++) {
            Securable catalog = new Securable(SecurableType.CATALOG, "c" + c, "c" + c, "owner", metastore);
            for (int s = 0; s < SCHEMAS_PER_CATALOG; s++) {
                Securable schema = new Securable(SecurableType.SCHEMA, "c" + c + "s" + s, "c" + c + ".s" + s, "owner",
                        catalog);
                benchSchema = benchSchema == null ? schema : benchSchema;
                for (int t = 0; t < TABLES_PER_SCHEMA; t++) {
                    tables.add(new Securable(SecurableType.TABLE, schema.id() + "t" + t, schema.fullName() + ".t" + t,
                            "owner", schema));
                }
            }
        }
        // the benchmarked user reaches schema c0.s0 through its groups' chain roots, and half its tables
        user = new Principal("user0", Principal.Kind.USER);
        String root = group(GROUP_CHAINS, 0);
        for (int level = 1; level < DEPTH; level++) {
            memberships.add(new Membership(group(GROUP_CHAINS, level - 1), group(GROUP_CHAINS, level)));
        }
        memberships.add(new Membership(group(GROUP_CHAINS, DEPTH - 1), "user0"));
        grants.add(new Grant("c0", root, Privilege.USE_CATALOG));
        grants.add(new Grant(benchSchema.id(), root, Privilege.USE_SCHEMA));
        page = new ArrayList<>();
        for (int t = 0; t < TABLES_PER_SCHEMA; t++) {
            Securable table = tables.get(t);
            if (t % 2 == 0) {
                grants.add(new Grant(table.id(), root, Privilege.SELECT));
            }
            page.add(new Check(Action.READ_METADATA, table));
        }
        single = new Check(Action.SELECT, tables.get(500));
        Privilege[] privileges = {Privilege.SELECT, Privilege.MODIFY, Privilege.BROWSE, Privilege.USE_SCHEMA};
        while (grants.size() < GRANTS) {
            // the rest of the grants land outside the benchmarked schema, so that exactly half of it is visible
            Securable table = tables.get(TABLES_PER_SCHEMA + random.nextInt(tables.size() - TABLES_PER_SCHEMA));
            String grantee = random.nextBoolean() ? "user" + random.nextInt(USERS)
                    : group(random.nextInt(GROUP_CHAINS), random.nextInt(DEPTH));
            grants.add(new Grant(table.id(), grantee, privileges[random.nextInt(privileges.length)]));
        }
        GrantSnapshot snapshot = GrantSnapshot.of(1, grants, memberships);
        authorizer = new BuiltInAuthorizer(() -> snapshot, new RoleGroups("scim-provisioners", "lineage-writers"));
        if (!authorizer.authorize(user, single).allowed()
                || authorizer.authorize(user, page).stream().filter(Decision::allowed).count() != TABLES_PER_SCHEMA / 2) {
            throw new IllegalStateException("the benchmark's principal does not see what it should");
        }
    }

    private static String group(int chain, int level) {
        return "g" + chain + "_" + level;
    }

    @Benchmark
    public Decision singleCheck() {
        return authorizer.authorize(user, single);
    }

    @Benchmark
    public List<Decision> batchOf1000MetadataChecks() {
        return authorizer.authorize(user, page);
    }
}
