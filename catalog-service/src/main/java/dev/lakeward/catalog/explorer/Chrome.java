package dev.lakeward.catalog.explorer;

/**
 * What every page's frame shows: who is signed in, the form token its changes carry (empty for a
 * caller that sent a bearer token, which needs none), and whether it came with a session to end.
 */
public record Chrome(String user, String csrf, boolean session) {
}
