package dev.lakeward.catalog.access;

import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Authorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How services ask the {@link Authorizer}, the one gate of every decision: checks that must pass
 * (a denial is audited and answered 403 with the engine's reason), what a caller may see (else a
 * 404), or a batch that filters a page of a listing. Each request asks once, in one batch.
 */
@ApplicationScoped
public class AccessControl {

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    /** Passes, or throws {@code PERMISSION_DENIED} naming the missing privilege. */
    public void require(Caller caller, Action action, Securable securable) {
        requireAll(caller, List.of(new Check(action, securable)));
    }

    /** Passes when every check does, or throws {@code PERMISSION_DENIED} with the first denial's reason. One batch. */
    public void requireAll(Caller caller, List<Check> checks) {
        List<Decision> decisions = decide(caller, checks);
        for (int i = 0; i < checks.size(); i++) {
            if (!decisions.get(i).allowed()) {
                deny(caller, checks.get(i).action(), checks.get(i).securable(), decisions.get(i).reason());
            }
        }
    }

    /**
     * As {@link #requireAll(Caller, List)}, for checks on securables the caller named by another
     * way (a storage path): a denial on one the caller may not see is answered with
     * {@code whenHidden}'s reason, which must not name it. One batch, visibility included.
     */
    public void requireAll(Caller caller, List<Check> checks, Function<Check, String> whenHidden) {
        List<Check> asked = new ArrayList<>(checks.size() * 2);
        asked.addAll(checks);
        checks.forEach(check -> asked.add(new Check(Action.READ_METADATA, check.securable())));
        List<Decision> decisions = decide(caller, asked);
        for (int i = 0; i < checks.size(); i++) {
            if (!decisions.get(i).allowed()) {
                Check check = checks.get(i);
                Decision decision = decisions.get(i);
                boolean visible = decisions.get(checks.size() + i).allowed();
                deny(caller, check.action(), check.securable(), visible || decision.undecided() ? decision.reason()
                        : whenHidden.apply(check));
            }
        }
    }

    /**
     * The engine's decisions on a batch, in order, for a service that answers and audits a denial
     * as its own operation (credential vending names the tables a path reaches, or hides them).
     */
    public List<Decision> decide(Caller caller, List<Check> checks) {
        return authorizer.authorize(caller.asPrincipal(), checks);
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

    /**
     * Passes when the caller may see the securable and do {@code action} on it. A caller learns
     * nothing of objects it may not see: they are answered as if they did not exist, a 404 naming
     * the top-most level of the name it may not see (BROWSE on a table shows the table without its
     * catalog and schema). Once the object is visible, a missing privilege is the usual 403. One
     * batch.
     */
    public void requireVisible(Caller caller, Action action, Securable securable) {
        List<Securable> levels = levels(securable);
        List<Check> checks = new ArrayList<>(levels.size() + 1);
        levels.forEach(level -> checks.add(new Check(Action.READ_METADATA, level)));
        // the metastore has no level to see: its visibility is asked too, so that nothing passes unasked
        if (action != Action.READ_METADATA || levels.isEmpty()) {
            checks.add(new Check(action, securable));
        }
        List<Decision> decisions = authorizer.authorize(caller.asPrincipal(), checks);
        if (!levels.isEmpty() && !decisions.get(levels.size() - 1).allowed()) {
            throw hide(caller, action, levels, decisions);
        }
        if (checks.size() > levels.size() && !decisions.getLast().allowed()) {
            deny(caller, action, securable, decisions.getLast().reason());
        }
    }

    /**
     * What to answer a name that goes on past {@code found}, its deepest level that exists:
     * {@code missing} when the caller may see every level found, else the 404 of the top-most
     * level it may not see, so that a missing object and a hidden one are answered alike.
     */
    public NotFound missing(Caller caller, Securable found, NotFound missing) {
        List<Securable> levels = levels(found);
        if (levels.isEmpty()) {
            return missing;
        }
        List<Decision> decisions = authorizer.authorize(caller.asPrincipal(),
                levels.stream().map(level -> new Check(Action.READ_METADATA, level)).toList());
        return hidden(levels, decisions).isEmpty() ? missing : hide(caller, Action.READ_METADATA, levels, decisions);
    }

    /**
     * The decisions of a batch (an engine's questions) in which a check on what the caller may
     * not see is denied as if it did not exist, with the same message a missing object gets.
     */
    public List<Decision> decideVisible(Caller caller, List<Check> checks) {
        List<Check> asked = new ArrayList<>();
        for (Check check : checks) {
            levels(check.securable()).forEach(level -> asked.add(new Check(Action.READ_METADATA, level)));
            asked.add(check);
        }
        List<Decision> decisions = authorizer.authorize(caller.asPrincipal(), asked);
        List<Decision> answers = new ArrayList<>(checks.size());
        int at = 0;
        for (Check check : checks) {
            List<Securable> levels = levels(check.securable());
            List<Decision> visible = decisions.subList(at, at + levels.size());
            Decision decision = decisions.get(at + levels.size());
            at += levels.size() + 1;
            boolean hidden = !levels.isEmpty() && !visible.getLast().allowed();
            answers.add(hidden ? Decision.deny(hidden(levels, visible).orElseThrow().getMessage()) : decision);
        }
        return answers;
    }

    /** The levels of a name below the metastore, which every caller sees, top-down. */
    private static List<Securable> levels(Securable securable) {
        return securable.path().stream().filter(s -> s.type() != SecurableType.METASTORE).toList();
    }

    /** The 404 of the top-most level the caller may not see; the audit log keeps the real reason. */
    private NotFound hide(Caller caller, Action action, List<Securable> levels, List<Decision> visible) {
        for (int i = 0; i < levels.size(); i++) {
            if (!visible.get(i).allowed()) {
                Securable hidden = levels.get(i);
                audit.denial(caller.name(), AuditAction.of(action), hidden.type(), hidden.fullName(),
                        visible.get(i).reason());
                return notFound(hidden);
            }
        }
        throw new IllegalArgumentException("every level is visible");
    }

    private static Optional<NotFound> hidden(List<Securable> levels, List<Decision> visible) {
        for (int i = 0; i < levels.size(); i++) {
            if (!visible.get(i).allowed()) {
                return Optional.of(notFound(levels.get(i)));
            }
        }
        return Optional.empty();
    }

    private static NotFound notFound(Securable securable) {
        return NotFound.securable(securable.type(), securable.fullName());
    }

    private void deny(Caller caller, Action action, Securable securable, String reason) {
        audit.denial(caller.name(), AuditAction.of(action), securable.type(), securable.fullName(), reason);
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
        return allowed(items, authorizer.authorize(caller.asPrincipal(), checks));
    }

    /**
     * The items the caller may see as get sees them: the object and every level above it (a
     * table under a catalog the caller may not see is hidden, whatever it holds on the table);
     * in order, one batch for all of them. For items from many containers, such as search hits.
     */
    public <T> List<T> visibleAtEveryLevel(Caller caller, List<T> items, Function<T, Securable> securable) {
        return allowed(items, decideVisible(caller, items.stream()
                .map(item -> new Check(Action.READ_METADATA, securable.apply(item))).toList()));
    }

    private static <T> List<T> allowed(List<T> items, List<Decision> decisions) {
        List<T> allowed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (decisions.get(i).allowed()) {
                allowed.add(items.get(i));
            }
        }
        return allowed;
    }
}
