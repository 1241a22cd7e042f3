package dev.lakeward.catalog.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.lakeward.credentials.RealStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, driven by Playwright, for one test class as a JUnit extension: one headless
 * browser for the class, a fresh context (no cookies, no storage) for every person a test opens,
 * and after each test, passed or failed, a screenshot of each of its pages under
 * {@code target/screenshots/<Class>/<test>.png}. Where Chromium is not installed the class is
 * skipped and says why, unless {@code LAKEWARD_REQUIRE_REAL_STORAGE} is set, as in {@code .ci/run}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    /**
     * As root Chromium has no sandbox; the rest keep it off the network (this machine's is closed,
     * and Chromium would otherwise try Google's services at every start) and off the GPU.
     */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic");

    /** How long a locator or assertion waits for what a person would wait for: a page, an htmx swap (two shared cores). */
    private static final double TIMEOUT_MS = 10_000;

    private final Supplier<String> baseUrl;
    private final List<Page> pages = new ArrayList<>();
    private Playwright playwright;
    private Browser browser;

    /** A browser whose pages resolve relative URLs against {@code baseUrl} (read when a page opens). */
    public Chromium(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(EXECUTABLE)) {
            RealStorage.unavailable("No Chromium at " + EXECUTABLE + ": install Debian's chromium package"
                    + " (apt-get install chromium) to run the browser tests.");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        // also set for the failsafe plugin; here too, so that no run of these tests fetches a browser
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // Playwright gives each launch a fresh, temporary user-data directory
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    /** A new person at the browser: a page in a context of its own, sharing nothing with the others. */
    public Page newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl.get()));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        Page page = context.newPage();
        pages.add(page);
        return page;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                .resolve(context.getRequiredTestClass().getSimpleName());
        String test = context.getRequiredTestMethod().getName();
        try {
            for (int i = 0; i < pages.size(); i++) {
                pages.get(i).screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(dir.resolve(test + (i == 0 ? "" : "-" + (i + 1)) + ".png")));
            }
        } finally {
            pages.forEach(page -> page.context().close());
            pages.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }
}
