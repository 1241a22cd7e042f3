package dev.lakeward.catalog.explorer;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the explorer as a person does, with a form and a cookie: what the cookie is, what
 * ends a session (signing out, revoking its token), and what a page refuses (a form without the
 * session's token, a form from another site).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExplorerSessionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A browser that does not follow redirects, so each step is seen. */
    static RequestSpecification browser() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    /** Signs in with the token through the form; the session cookie's value. */
    static String signIn(String token) {
        return browser().formParam("token", token).post("/explorer/sign-in")
                .then().statusCode(303).extract().cookie("lakeward_session");
    }

    static String csrf(String cookie, String page) {
        String html = browser().cookie("lakeward_session", cookie).get(page).then().statusCode(200).extract().asString();
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a form token on " + page).isTrue();
        return matcher.group(1);
    }

    @Test
    void theRootAndEveryPageSendAStrangerToSignIn() {
        browser().get("/").then().statusCode(303).header("Location", containsString("/explorer"));
        browser().get("/explorer/data/main").then().statusCode(303)
                .header("Location", containsString("/explorer/sign-in?next=%2Fexplorer%2Fdata%2Fmain"));
        browser().header("HX-Request", "true").get("/explorer/tree").then().statusCode(401)
                .header("HX-Redirect", containsString("/explorer/sign-in"));
        browser().get("/explorer/sign-in").then().statusCode(200).body(containsString("Lakeward token"));
    }

    @Test
    void aTokenSignsInWithAStrictHttpOnlyCookieThatExpires() {
        String name = unique("reader");
        String token = userWithToken(name);
        Response response = browser().formParam("token", token).formParam("next", "/explorer/data/x")
                .post("/explorer/sign-in");
        response.then().statusCode(303).header("Location", containsString("/explorer/data/x"));
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).contains("lakeward_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/explorer").contains("Max-Age=");
        browser().cookie("lakeward_session", response.getCookie("lakeward_session")).get("/explorer")
                .then().statusCode(200).body(containsString(name))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void signInRefusesWhatIsNoValidTokenAndNeverLeavesTheExplorer() {
        browser().formParam("token", "lkw_not-a-token").post("/explorer/sign-in").then().statusCode(401)
                .body(containsString("not valid")).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        browser().formParam("token", "eyJhbGciOi.x.y").post("/explorer/sign-in").then().statusCode(401)
                .body(containsString("not a Lakeward token"));
        String token = userWithToken(unique("wanderer"));
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/explorer", "/api/2.0/token/list",
                "/explorer/../api", "/explorer/%2E%2e/api", "/explorer/x/..%2fapi", "/explorer\\@evil.example",
                "/explorer\r\nSet-Cookie: x=y", "/explorer//evil.example", "/explorer/a|b", "/explorer/%zz",
                "/explorer/\u00e9"}) {
            browser().formParam("token", token).formParam("next", elsewhere).post("/explorer/sign-in")
                    .then().statusCode(303).header("Location", not(containsString("evil")))
                    .header("Location", not(containsString("/api"))).header("Location", not(containsString("x=y")));
        }
    }

    @Test
    void signingOutNeedsTheFormTokenAndEndsTheSession() {
        String cookie = signIn(userWithToken(unique("leaver")));
        String csrf = csrf(cookie, "/explorer");
        browser().cookie("lakeward_session", cookie).formParam("csrf", "forged").post("/explorer/sign-out")
                .then().statusCode(403);
        browser().cookie("lakeward_session", cookie).get("/explorer").then().statusCode(200);
        browser().cookie("lakeward_session", cookie).formParam("csrf", csrf).post("/explorer/sign-out")
                .then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
        browser().cookie("lakeward_session", cookie).get("/explorer").then().statusCode(303)
                .header("Location", containsString("ended=true"));
    }

    @Test
    void revokingTheTokenEndsTheSessionsBegunWithIt() {
        String owner = userWithToken(unique("revoked"));
        Response created = as(owner).body(Map.of("lifetime_seconds", 600, "comment", "explorer")).post("/api/2.0/token/create");
        created.then().statusCode(200);
        String cookie = signIn(created.path("token_value"));
        browser().cookie("lakeward_session", cookie).get("/explorer").then().statusCode(200);
        as(owner).body(Map.of("token_id", created.path("token_info.token_id"))).post("/api/2.0/token/delete")
                .then().statusCode(200);
        browser().cookie("lakeward_session", cookie).get("/explorer").then().statusCode(303)
                .header("Location", containsString("/explorer/sign-in"));
    }

    @Test
    void aFormFromAnotherSiteIsRefused() {
        String token = userWithToken(unique("victim"));
        browser().header("Origin", "https://evil.example").formParam("token", token).post("/explorer/sign-in")
                .then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        browser().header("Sec-Fetch-Site", "cross-site").formParam("token", token).post("/explorer/sign-in")
                .then().statusCode(403);
    }

    @Test
    void scriptsMayUseABearerTokenInsteadOfTheCookie() {
        String catalog = unique("scripted");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        // the catalog's own page: the home page's first hundred catalogs are whichever sort first
        asAdmin().get("/explorer/data/" + catalog).then().statusCode(200).body(containsString(catalog));
        given().auth().oauth2("lkw_wrong").get("/explorer").then().statusCode(401);
    }
}
