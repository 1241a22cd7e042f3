package dev.lakeward.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An object that privileges are checked on, with its owner and its parents up to the metastore:
 * everything a decision needs to know about it, so that neither engine has to look the
 * namespace up. Ids are stable across renames; grants are keyed by them.
 *
 * @param parent {@code null} for the metastore
 */
public record Securable(SecurableType type, String id, String fullName, String owner, Securable parent) {

    public Securable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fullName, "fullName");
    }

    /** This securable and its parents, from the metastore down to this one. */
    public List<Securable> path() {
        List<Securable> path = new ArrayList<>();
        for (Securable s = this; s != null; s = s.parent) {
            path.add(s);
        }
        Collections.reverse(path);
        return path;
    }

    /** The nearest securable of the type on the path (this one included), or {@code null}. */
    public Securable ancestor(SecurableType wanted) {
        for (Securable s = this; s != null; s = s.parent) {
            if (s.type == wanted) {
                return s;
            }
        }
        return null;
    }

    /** How messages name it: {@code schema 'main.sales'}. */
    public String describe() {
        return type.apiName().replace('_', ' ') + " '" + fullName + "'";
    }
}
