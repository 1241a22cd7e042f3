package dev.lakeward.policy;

/**
 * Why a principal holds a privilege on a securable: by a grant to {@code holder} on
 * {@code on} (the securable or one of its parents), or by owning {@code on}.
 */
public record Holding(Privilege privilege, Securable on, String holder, boolean ownership) {

    String describe() {
        return ownership
                ? "'" + holder + "' owns " + on.describe()
                : privilege.sqlName() + " granted to '" + holder + "' on " + on.describe();
    }
}
