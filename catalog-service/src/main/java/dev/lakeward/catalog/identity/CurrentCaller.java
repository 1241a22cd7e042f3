package dev.lakeward.catalog.identity;

import jakarta.enterprise.context.RequestScoped;

/** Holds the caller that {@link BearerTokenFilter} authenticated for the current request. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No caller: the request was not authenticated");
        }
        return caller;
    }
}
