package dev.lakeward.catalog.access;

import jakarta.enterprise.context.RequestScoped;

/** Holds the caller that identity's bearer-token filter authenticated for the current request. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    /** Whether the request was authenticated: a page can be shown without a signed-in frame. */
    public boolean isSet() {
        return caller != null;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No caller: the request was not authenticated");
        }
        return caller;
    }
}
