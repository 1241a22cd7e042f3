package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.audit.AuditLog;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Authorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How services ask the {@link Authorizer}: one check that must pass (a denial is audited and
 * answered 403 with the engine's reason), or a batch that filters a page of a listing.
 */
@ApplicationScoped
public class AccessControl {

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    /** Passes, or throws {@code PERMISSION_DENIED} naming the missing privilege. */
    public void require(Caller caller, Action action, Securable securable) {
        Decision decision = authorizer.authorize(caller.asPrincipal(), new Check(action, securable));
        if (!decision.allowed()) {
            deny(caller, action, securable, decision.reason());
        }
    }

    /**
     * Passes, or throws {@code PERMISSION_DENIED} with {@code denied}: for checks whose securable
     * the caller must not learn of, where the engine's reason would name it.
     */
    public void require(Caller caller, Check check, Supplier<String> denied) {
        if (!authorizer.authorize(caller.asPrincipal(), check).allowed()) {
            deny(caller, check.action(), check.securable(), denied.get());
        }
    }

    private void deny(Caller caller, Action action, Securable securable, String reason) {
        audit.denial(caller.name(), action.name(), securable.type().apiName(), securable.fullName(), reason);
        throw new PermissionDenied(reason);
    }

    /** The items whose securable the caller may see, in order: one batch for all of them. */
    public <T> List<T> visible(Caller caller, List<T> items, Function<T, Securable> securable) {
        if (items.isEmpty()) {
            return items;
        }
        List<Check> checks = new ArrayList<>(items.size());
        for (T item : items) {
            checks.add(new Check(Action.READ_METADATA, securable.apply(item)));
        }
        List<Decision> decisions = authorizer.authorize(caller.asPrincipal(), checks);
        List<T> visible = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (decisions.get(i).allowed()) {
                visible.add(items.get(i));
            }
        }
        return visible;
    }
}
