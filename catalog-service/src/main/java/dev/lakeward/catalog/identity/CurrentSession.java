package dev.lakeward.catalog.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The browser session the current request came with; none for a request that sent a bearer token. */
@RequestScoped
public class CurrentSession {

    private BrowserSessions.Session session;

    void set(BrowserSessions.Session session) {
        this.session = session;
    }

    public Optional<BrowserSessions.Session> get() {
        return Optional.ofNullable(session);
    }

    /**
     * Whether a change may go ahead: a request that sent a bearer token carries no ambient
     * credential and needs no form token; one that came with the cookie must carry the session's.
     */
    public boolean allowsChange(String formToken) {
        return session == null || BrowserSessions.csrfMatches(session, formToken);
    }
}
