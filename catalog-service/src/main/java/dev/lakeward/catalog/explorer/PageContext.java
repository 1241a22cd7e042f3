package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.BrowserSessions;
import dev.lakeward.catalog.identity.CurrentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in caller of a page, and its frame. */
@RequestScoped
public class PageContext {

    @Inject
    CurrentCaller caller;

    @Inject
    CurrentSession session;

    public Caller caller() {
        return caller.get();
    }

    public Chrome chrome() {
        return new Chrome(caller.get().name(), session.get().map(BrowserSessions.Session::csrfToken).orElse(""),
                session.get().isPresent());
    }

    /** Refuses a change whose form does not carry the session's token: another site's page cannot make one. */
    public void requireFormToken(String presented) {
        if (!session.allowsChange(presented)) {
            throw new PermissionDenied("This form has expired or did not come from the explorer; reload the page and try again.");
        }
    }
}
