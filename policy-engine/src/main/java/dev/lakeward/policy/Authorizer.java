package dev.lakeward.policy;

import java.util.List;

/**
 * The one entry point of authorization: a batch of checks for one principal, a decision per check
 * in the same order. Batch first, so that filtering a page of 1,000 tables is one call.
 */
public interface Authorizer {

    List<Decision> authorize(Principal principal, List<Check> checks);

    default Decision authorize(Principal principal, Check check) {
        return authorize(principal, List.of(check)).get(0);
    }
}
