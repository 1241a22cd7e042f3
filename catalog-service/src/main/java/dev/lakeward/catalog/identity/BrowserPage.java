package dev.lakeward.catalog.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources for people in a browser: their callers are signed in with the explorer's
 * session cookie (or send a bearer token, as scripts do), and one who is not is sent to sign in
 * rather than answered 401.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserPage {

    /** Whether the page is for callers who are not signed in yet (the sign-in page itself). */
    boolean signedOut() default false;
}
