package dev.lakeward.catalog.explorer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.unique;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import dev.lakeward.catalog.lineage.CtasLineage;
import dev.lakeward.catalog.support.Chromium;
import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.PackagedService;
import dev.lakeward.catalog.support.TableFixtures;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The explorer in real Chromium against the packaged service, used as a person uses it: signing
 * in through the form, clicking through the tree and the tabs, sharing a table from the dialog,
 * reading what is on the screen by role and label (so the pages' ARIA roles are checked too), and
 * doing it all from the keyboard; signing in through Keycloak, finding a table by search, reading
 * its sample rows and following its lineage graph. Each test's pages are saved under
 * {@code target/screenshots/}.
 */
class ExplorerBrowserIT {

    @RegisterExtension
    static final PackagedService service = new PackagedService(
            () -> KeycloakServer.shared().lakewardSettings(KeycloakServer.explorerSignIn()));

    @RegisterExtension
    static final Chromium chromium = new Chromium(service::baseUri);

    /** A table of the test's own, in a catalog and schema of its own. */
    record Table(String catalog, String schema, String name) {
        String fullName() {
            return catalog + "." + schema + "." + name;
        }

        String page() {
            return PageLink.table(catalog, schema, name);
        }
    }

    @Test
    void signsInWithTheAdminsTokenThroughTheForm() {
        Page page = chromium.newPerson();
        page.navigate("/explorer");
        assertThat(page).hasURL(Pattern.compile("/explorer/sign-in\\?next=%2Fexplorer$"));
        // Keycloak is configured as the explorer's identity provider: both ways are offered
        assertThat(page.getByRole(AriaRole.LINK, exactly("Sign in with Keycloak"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON)).hasText(new String[] {"Sign in with a token"});

        page.getByLabel("Lakeward token").fill("lkw_not-a-token");
        page.getByRole(AriaRole.BUTTON, exactly("Sign in with a token")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not valid");

        page.getByLabel("Lakeward token").fill(service.adminToken());
        page.getByRole(AriaRole.BUTTON, exactly("Sign in with a token")).click();
        assertThat(page).hasURL(Pattern.compile("/explorer$"));
        assertThat(page.getByLabel("Signed in as")).hasText("admin");
        assertThat(page.getByRole(AriaRole.HEADING, exactly("Catalogs"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, exactly("Sign out"))).isVisible();
        // the search field is labelled for screen readers, its label taking no room on the screen
        assertThat(page.getByLabel("Search catalogs, schemas, tables and columns")).isEditable();
        Assertions.assertThat(page.getByText("Search catalogs, schemas, tables and columns").boundingBox().height)
                .isLessThanOrEqualTo(1);
    }

    @Test
    void signsInThroughKeycloaksLoginForm() {
        // alice is Keycloak's; Lakeward knows her once an admin adds her
        asAdmin().body(Map.of("type", "USER", "name", "alice")).post("/api/lakeward/v1/principals").then()
                .statusCode(200);
        Page page = chromium.newPerson();
        page.navigate("/explorer");
        page.getByRole(AriaRole.LINK, exactly("Sign in with Keycloak")).click();

        String authorize = KeycloakServer.shared().issuer() + "/protocol/openid-connect/auth?";
        page.waitForURL(url -> url.startsWith(authorize));
        page.getByLabel("Username or email").fill("alice");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("alice-password");
        page.getByRole(AriaRole.BUTTON, exactly("Sign In")).click();

        assertThat(page).hasURL(service.baseUri() + "/explorer");
        assertThat(page.getByLabel("Signed in as")).hasText("alice");
        assertThat(page.getByRole(AriaRole.HEADING, exactly("Catalogs"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, exactly("Sign out"))).isVisible();
    }

    @Test
    void findsATableThroughTheSearchBoxAndOpensIt() {
        Table table = newTable("searched");
        Page page = signIn(service.adminToken());

        Locator box = page.getByLabel("Search catalogs, schemas, tables and columns");
        box.fill(table.name());
        box.press("Enter");
        assertThat(page).hasURL(Pattern.compile("/explorer/search\\?q=" + table.name() + "$"));
        Locator results = page.getByRole(AriaRole.LIST, exactly("Search results"));
        assertThat(results.getByRole(AriaRole.LISTITEM)).hasCount(1);
        results.getByRole(AriaRole.LINK, named(table.fullName())).click();

        assertThat(page).hasURL(service.baseUri() + table.page());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(table.name());
    }

    @Test
    void readsTheSampleRowsOfADeltaTableOnTheLocalDisk() {
        Table table = new Table(unique("sales"), "raw", "orders");
        asAdmin().body(Map.of("name", table.catalog())).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", table.schema(), "catalog_name", table.catalog())).post(BASE + "/schemas")
                .then().statusCode(200);
        String location = asAdmin().body(Map.of("name", table.name(), "catalog_name", table.catalog(),
                "schema_name", table.schema(), "table_type", "MANAGED", "data_source_format", "DELTA",
                "comment", "Orders as shipped, one row per order", "columns", List.of(
                        Map.of("name", "order_id", "type_name", "LONG", "type_text", "bigint", "position", 0,
                                "nullable", false, "comment", "the order's number"),
                        Map.of("name", "customer", "type_name", "STRING", "type_text", "string", "position", 1),
                        Map.of("name", "amount", "type_name", "DECIMAL", "type_text", "decimal(10,2)", "position", 2,
                                "comment", "in euros"),
                        Map.of("name", "region", "type_name", "STRING", "type_text", "string", "position", 3,
                                "partition_index", 0))))
                .post(BASE + "/tables").then().statusCode(200).extract().path("storage_location");
        // a writer's commits in the managed table's directory, under the packaged service's data dir
        TableFixtures.delta(Path.of(URI.create(location)), new StructType().add("order_id", LongType.LONG)
                        .add("customer", StringType.STRING).add("amount", new DecimalType(10, 2))
                        .add("region", StringType.STRING), "region")
                .append(Map.of("region", Literal.ofString("emea")), List.<Object[]>of(
                        new Object[] {1001L, "Ada", new BigDecimal("129.90"), "emea"},
                        new Object[] {1002L, "Grace", new BigDecimal("54.00"), "emea"}));

        Page page = signIn(service.adminToken());
        page.navigate(table.page());
        page.getByRole(AriaRole.TAB, exactly("Sample data")).click();
        assertThat(page.getByRole(AriaRole.TAB, exactly("Sample data"))).hasAttribute("aria-selected", "true");
        Locator sample = page.getByRole(AriaRole.TABLE, exactly("Sample data"));
        Assertions.assertThat(sample.locator("thead th").allInnerTexts()).containsExactly(
                "order_id bigint", "customer string", "amount decimal(10,2)", "region string");
        Assertions.assertThat(sample.locator("tbody").getByRole(AriaRole.ROW).all().stream()
                .map(row -> row.getByRole(AriaRole.CELL).allInnerTexts()).toList()).containsExactlyInAnyOrder(
                        List.of("1001", "Ada", "129.90", "emea"), List.of("1002", "Grace", "54.00", "emea"));
        assertThat(page.getByText("of version 0")).isVisible();

        // back on the Overview, as docs/explorer-table.png shows it
        page.getByRole(AriaRole.TAB, exactly("Overview")).click();
        assertThat(page.getByRole(AriaRole.TABPANEL)).containsText("Orders as shipped, one row per order");
    }

    @Test
    void theLineageGraphHidesATableTheReaderMayNotBrowseAndFollowsAColumnsPaths() {
        String catalog = CtasLineage.createTables(ExplorerBrowserIT::asAdmin);
        asAdmin().body(CtasLineage.event(catalog, "COMPLETE")).post("/api/v1/lineage").then().statusCode(200);
        String analyst = unique("analyst");
        String token = userWithToken(analyst);
        grant("catalog", catalog, analyst, "USE CATALOG");
        grant("schema", catalog + ".s", analyst, "USE SCHEMA");
        grant("table", catalog + ".s.t1", analyst, "BROWSE");
        grant("table", catalog + ".s.t3", analyst, "BROWSE");

        Page page = signIn(token);
        page.navigate(PageLink.table(catalog, "s", "t3"));
        page.getByRole(AriaRole.TAB, exactly("Lineage")).click();
        Locator graph = page.getByRole(AriaRole.GROUP, exactly("Lineage graph"));
        assertThat(graph).isVisible();
        assertThat(graph.getByRole(AriaRole.GROUP, named("Table " + catalog + ".s.t1"))).isVisible();
        assertThat(graph.getByRole(AriaRole.GROUP, named("Table " + catalog + ".s.t3 (this table)"))).isVisible();
        assertThat(graph.getByRole(AriaRole.GROUP, named("Hidden table"))).isVisible();
        // nothing of t2 reaches the page: not its name, not the join's or the transformation's text
        Assertions.assertThat(page.content()).doesNotContain(catalog + ".s.t2").doesNotContain("t2")
                .doesNotContain("upper(y)");

        // t1.k decides t3's rows (the join): its path is that edge alone; the hidden table is off it
        Locator t3 = graph.getByRole(AriaRole.GROUP, named("Table " + catalog + ".s.t3 (this table)"));
        Locator k = graph.getByRole(AriaRole.GROUP, named("Table " + catalog + ".s.t1"))
                .getByRole(AriaRole.BUTTON, named("Column k"));
        k.click();
        assertThat(k).hasAttribute("aria-pressed", "true");
        Locator lit = graph.locator("g.route.is-lit");
        assertThat(lit).hasCount(1);
        Assertions.assertThat(lit.getAttribute("data-source")).isEqualTo(k.getAttribute("data-column"));
        Assertions.assertThat(lit.getAttribute("data-target")).isEqualTo(t3.getAttribute("data-node"));
        assertThat(t3).hasClass(Pattern.compile("\\bis-lit\\b"));
        assertThat(graph.getByRole(AriaRole.GROUP, named("Hidden table"))).hasClass(Pattern.compile("\\bis-dimmed\\b"));
        Assertions.assertThat(graph.locator("g.route.is-dimmed").count()).isGreaterThanOrEqualTo(1);
        k.press("Escape");
        assertThat(graph.locator(".is-lit, .is-dimmed")).hasCount(0);
        assertThat(k).hasAttribute("aria-pressed", "false");

        String fitted = graph.getAttribute("viewBox");
        page.getByRole(AriaRole.BUTTON, exactly("Zoom in")).click();
        double[] closer = viewBox(graph);
        Assertions.assertThat(closer[2]).isLessThan(viewBoxOf(fitted)[2]);
        page.getByRole(AriaRole.BUTTON, exactly("Zoom out")).click();
        page.getByRole(AriaRole.BUTTON, exactly("Zoom out")).click();
        Assertions.assertThat(viewBox(graph)[2]).isGreaterThan(viewBoxOf(fitted)[2]);
        page.getByRole(AriaRole.BUTTON, exactly("Fit")).click();
        assertThat(graph).hasAttribute("viewBox", fitted);

        // z's own lineage, where column edges and their transformations are drawn: still nothing of t2
        // (z is the event's column, not one of t3's in the catalog, so it is opened by its address)
        page.navigate(PageLink.table(catalog, "s", "t3") + "?tab=lineage&column=z&direction=UPSTREAM&depth=3");
        assertThat(graph.getByRole(AriaRole.GROUP, named("Hidden table"))).isVisible();
        assertThat(graph.locator("g.route.column")).not().hasCount(0);
        Assertions.assertThat(page.content()).doesNotContain(catalog + ".s.t2").doesNotContain("t2")
                .doesNotContain("upper(y)");
    }

    @Test
    void browsesToATableThroughTheTreeAndSeesItsColumnsThenTheSchemasVolumeAndModel() {
        Table table = newTable("browsed");
        asAdmin().body(Map.of("name", "landing", "catalog_name", table.catalog(), "schema_name", table.schema(),
                "volume_type", "MANAGED")).post(BASE + "/volumes").then().statusCode(200);
        asAdmin().body(Map.of("name", "churn", "catalog_name", table.catalog(), "schema_name", table.schema()))
                .post(BASE + "/models").then().statusCode(200);
        asAdmin().body(Map.of("model_name", "churn", "catalog_name", table.catalog(), "schema_name", table.schema(),
                "source", "runs:/r1/model", "run_id", "r1")).post(BASE + "/models/versions").then().statusCode(200);
        Page page = signIn(service.adminToken());

        Locator tree = tree(page);
        tree.getByRole(AriaRole.BUTTON, named("Show the schemas of " + table.catalog())).click();
        tree.getByRole(AriaRole.BUTTON, named("Show the contents of " + table.schema())).click();
        tree.getByRole(AriaRole.LINK, named(table.name())).click();

        assertThat(page).hasURL(service.baseUri() + table.page());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(table.name());
        page.getByRole(AriaRole.TAB, exactly("Columns")).click();
        assertThat(page.getByRole(AriaRole.TAB, exactly("Columns"))).hasAttribute("aria-selected", "true");
        assertThat(page.getByRole(AriaRole.TAB, exactly("Overview"))).hasAttribute("aria-selected", "false");
        Assertions.assertThat(columnRows(page)).containsExactly(
                List.of("0", "id", "bigint", "no", "", "the order's number"),
                List.of("1", "amount", "decimal(10,2)", "yes", "", ""));

        // up to the schema, where a volume and a registered model are listed beside the table
        page.locator(".crumbs").getByRole(AriaRole.LINK, named(table.schema())).click();
        page.getByRole(AriaRole.TABLE, exactly("Volumes")).getByRole(AriaRole.LINK, named("landing")).click();
        assertThat(page).hasURL(service.baseUri() + PageLink.volume(table.catalog(), table.schema(), "landing"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("landing");
        assertThat(page.getByRole(AriaRole.TABPANEL)).containsText("MANAGED");
        page.goBack();
        page.getByRole(AriaRole.TABLE, exactly("Registered models")).getByRole(AriaRole.LINK, named("churn")).click();
        assertThat(page).hasURL(service.baseUri() + PageLink.model(table.catalog(), table.schema(), "churn"));
        page.getByRole(AriaRole.TAB, exactly("Versions")).click();
        Locator versions = page.getByRole(AriaRole.TABLE, exactly("Versions")).locator("tbody").getByRole(AriaRole.ROW);
        assertThat(versions).hasCount(1);
        Assertions.assertThat(versions.first().getByRole(AriaRole.CELL).allInnerTexts())
                .startsWith("1", "PENDING_REGISTRATION", "runs:/r1/model", "r1");
    }

    @Test
    void anOwnerSharesATableFromTheDialogAndTheGranteeSeesItAppear() {
        Table table = newTable("shared");
        String reader = unique("reader");
        String readerToken = userWithToken(reader);
        grant("catalog", table.catalog(), reader, "USE CATALOG");
        grant("schema", table.catalog() + "." + table.schema(), reader, "USE SCHEMA");

        Page readerPage = signIn(readerToken);
        Locator readerTree = tree(readerPage);
        readerTree.getByRole(AriaRole.BUTTON, named("Show the schemas of " + table.catalog())).click();
        readerTree.getByRole(AriaRole.BUTTON, named("Show the contents of " + table.schema())).click();
        assertThat(readerTree).containsText("Nothing you may see.");

        Page admin = signIn(service.adminToken());
        admin.navigate(table.page());
        admin.getByRole(AriaRole.TAB, exactly("Permissions")).click();
        admin.getByRole(AriaRole.BUTTON, exactly("Share…")).click();
        Locator dialog = admin.getByRole(AriaRole.DIALOG, exactly("Share " + table.fullName()));
        assertThat(dialog).isVisible();
        Locator who = dialog.getByLabel("User, group or service principal");
        who.pressSequentially(reader.substring("reader_".length(), reader.length() - 2));
        dialog.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(reader)).click();
        assertThat(who).hasValue(reader);
        dialog.getByRole(AriaRole.CHECKBOX, named("SELECT")).check();
        dialog.getByRole(AriaRole.BUTTON, named("Grant")).click();

        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Granted.");
        Locator grants = admin.getByRole(AriaRole.TABLE, exactly("Grants"));
        assertThat(grants.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(reader)))
                .containsText("SELECT");
        Assertions.assertThat(asAdmin().get(BASE + "/permissions/table/" + table.fullName() + "?principal=" + reader)
                .then().statusCode(200).extract().<List<String>>path("privilege_assignments[0].privileges"))
                .containsExactly("SELECT");

        readerPage.reload();
        readerTree = tree(readerPage);
        readerTree.getByRole(AriaRole.BUTTON, named("Show the schemas of " + table.catalog())).click();
        readerTree.getByRole(AriaRole.BUTTON, named("Show the contents of " + table.schema())).click();
        readerTree.getByRole(AriaRole.LINK, named(table.name())).click();
        assertThat(readerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(table.name());
        assertThat(readerPage.getByText("Table id")).isVisible();
    }

    @Test
    void aUserWithoutGrantsSeesNoCatalogsAndAHiddenTableAsAMissingOne() {
        Table hidden = newTable("hidden");
        Page page = signIn(userWithToken(unique("stranger")));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "There are no catalogs you may see. An owner or admin can share one with you.");
        assertThat(tree(page)).hasText("No catalogs you may see.");

        Table missing = new Table(unique("missing"), hidden.schema(), hidden.name());
        String hiddenText = visibleText(page, hidden);
        String missingText = visibleText(page, missing);
        Assertions.assertThat(hiddenText).contains("Catalog '<catalog>' does not exist.").isEqualTo(missingText);
    }

    @Test
    void signingOutEndsTheSessionForBackReloadAndTheOldCookie() {
        Page page = signIn(userWithToken(unique("leaver")));
        Cookie session = page.context().cookies().stream().filter(c -> c.name.equals("lakeward_session"))
                .findFirst().orElseThrow();
        page.getByRole(AriaRole.BUTTON, exactly("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/explorer/sign-in$"));
        Assertions.assertThat(page.context().cookies()).noneMatch(c -> c.name.equals("lakeward_session"));

        page.goBack();
        assertThat(page).hasURL(Pattern.compile("/explorer/sign-in"));
        assertThat(page.getByLabel("Lakeward token")).isVisible();
        page.reload();
        assertThat(page.getByLabel("Lakeward token")).isVisible();

        // the session itself ended, not only the browser's copy of it
        Page kept = chromium.newPerson();
        kept.context().addCookies(List.of(new Cookie(session.name, session.value)
                .setDomain(session.domain).setPath(session.path)));
        kept.navigate("/explorer");
        assertThat(kept).hasURL(Pattern.compile("/explorer/sign-in\\?.*ended=true"));
        assertThat(kept.getByRole(AriaRole.STATUS)).containsText("Your session ended");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        Table table = newTable("guarded");
        String outsider = unique("outsider");
        userWithToken(outsider);
        Page page = signIn(service.adminToken());
        page.navigate(table.page());

        page.locator("form.comment input[name=csrf]").evaluate("field => field.value = 'forged'");
        page.getByLabel("Edit the comment").fill("defaced");
        page.getByRole(AriaRole.BUTTON, exactly("Save comment")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(
                "This form has expired or did not come from the explorer; reload the page and try again.");
        Assertions.assertThat(asAdmin().get(BASE + "/tables/" + table.fullName()).then().statusCode(200)
                .extract().<String>path("comment")).isNull();

        // a script on the explorer's own page, with the cookie but not the form token
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) page.evaluate("""
                async ([name, principal]) => {
                  const response = await fetch('/explorer/permissions', {method: 'POST', body: new URLSearchParams(
                      {securable_type: 'table', full_name: name, principal, privilege: 'SELECT', change: 'grant'})});
                  return [response.status, await response.text()];
                }""", List.of(table.fullName(), outsider));
        Assertions.assertThat(answer.get(0)).isEqualTo(403);
        Assertions.assertThat((String) answer.get(1)).contains("did not come from the explorer");
        Assertions.assertThat(asAdmin().get(BASE + "/permissions/table/" + table.fullName()).then().statusCode(200)
                .extract().<List<Object>>path("privilege_assignments")).isEmpty();
    }

    @Test
    void theTreeAndTheTabsWorkFromTheKeyboard() {
        Table table = newTable("keyed");
        String reader = unique("typist");
        String token = userWithToken(reader);
        grant("catalog", table.catalog(), reader, "USE CATALOG");
        grant("schema", table.catalog() + "." + table.schema(), reader, "USE SCHEMA");
        grant("table", table.fullName(), reader, "SELECT");

        Page page = chromium.newPerson();
        page.navigate("/explorer");
        assertThat(page.getByLabel("Lakeward token")).isFocused();
        page.keyboard().type(token);
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Signed in as")).hasText(reader);

        Locator tree = tree(page);
        Locator catalog = tree.getByRole(AriaRole.BUTTON, named("Show the schemas of " + table.catalog()));
        tabTo(page, catalog);
        page.keyboard().press("Enter");
        assertThat(catalog).hasAttribute("aria-expanded", "true");
        Locator schema = tree.getByRole(AriaRole.BUTTON, named("Show the contents of " + table.schema()));
        tabTo(page, schema);
        page.keyboard().press("Enter");
        assertThat(schema).hasAttribute("aria-expanded", "true");
        tabTo(page, tree.getByRole(AriaRole.LINK, named(table.name())));
        page.keyboard().press("Enter");
        assertThat(page).hasURL(service.baseUri() + table.page());

        Locator columns = page.getByRole(AriaRole.TAB, exactly("Columns"));
        tabTo(page, columns);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.TAB, exactly("Columns"))).hasAttribute("aria-selected", "true");
        Assertions.assertThat(columnRows(page)).hasSize(2);
    }

    /** Opens a new person's browser and signs in through the sign-in form with the token. */
    private static Page signIn(String token) {
        Page page = chromium.newPerson();
        page.navigate("/explorer");
        page.getByLabel("Lakeward token").fill(token);
        page.getByRole(AriaRole.BUTTON, exactly("Sign in with a token")).click();
        assertThat(page.getByLabel("Signed in as")).isVisible();
        return page;
    }

    private static Locator tree(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, exactly("Catalog tree"));
    }

    /** The columns tab's rows, each as the texts of its cells. */
    private static List<List<String>> columnRows(Page page) {
        Locator rows = page.getByRole(AriaRole.TABLE, exactly("Columns")).locator("tbody").getByRole(AriaRole.ROW);
        assertThat(rows.first()).isVisible();
        return rows.all().stream().map(row -> row.getByRole(AriaRole.CELL).allInnerTexts()).toList();
    }

    /** What a person reads on the table's page, its catalog's name written as {@code <catalog>}. */
    private static String visibleText(Page page, Table table) {
        Response response = page.navigate(table.page());
        Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(tree(page)).hasText("No catalogs you may see.");
        return page.locator("body").innerText().replace(table.catalog(), "<catalog>");
    }

    /** An SVG's viewBox as x, y, width, height. */
    private static double[] viewBox(Locator svg) {
        return viewBoxOf(svg.getAttribute("viewBox"));
    }

    private static double[] viewBoxOf(String viewBox) {
        return Arrays.stream(viewBox.trim().split("[\\s,]+")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Presses Tab until the target has the focus, as a person would; fails if it never gets it. */
    private static void tabTo(Page page, Locator target) {
        target.waitFor();
        for (int presses = 0; presses < 40; presses++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
        }
        Assertions.fail("40 presses of Tab never reached " + target);
    }

    /** An element of the page by its role and exactly this accessible name. */
    private static Page.GetByRoleOptions exactly(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** The same, within a part of the page (the tree, a dialog). */
    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Table newTable(String prefix) {
        Table table = new Table(unique(prefix), unique("schema"), unique("orders"));
        asAdmin().body(Map.of("name", table.catalog())).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", table.schema(), "catalog_name", table.catalog())).post(BASE + "/schemas")
                .then().statusCode(200);
        asAdmin().body(Map.of("name", table.name(), "catalog_name", table.catalog(), "schema_name", table.schema(),
                "table_type", "MANAGED", "data_source_format", "DELTA", "columns", List.of(
                        Map.of("name", "id", "type_name", "LONG", "type_text", "bigint", "position", 0,
                                "nullable", false, "comment", "the order's number"),
                        Map.of("name", "amount", "type_name", "DECIMAL", "type_text", "decimal(10,2)", "position", 1,
                                "nullable", true))))
                .post(BASE + "/tables").then().statusCode(200);
        return table;
    }

    private static String userWithToken(String name) {
        asAdmin().body(Map.of("type", "USER", "name", name)).post("/api/lakeward/v1/principals").then().statusCode(200);
        return asAdmin().body("{}").post("/api/lakeward/v1/principals/" + name + "/tokens")
                .then().statusCode(200).extract().path("token_value");
    }

    private static void grant(String type, String fullName, String principal, String privilege) {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", principal, "add", List.of(privilege)))))
                .patch(BASE + "/permissions/" + type + "/" + fullName).then().statusCode(200);
    }

    private static RequestSpecification asAdmin() {
        return given().baseUri(service.baseUri()).auth().oauth2(service.adminToken()).contentType(ContentType.JSON);
    }
}
