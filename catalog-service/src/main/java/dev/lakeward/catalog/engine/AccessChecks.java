package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.authz.SecurableNames;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch of (securable, privilege) questions answered in order with one authorization batch.
 * A securable that does not exist is a denial saying so, not a failure of the whole batch. Tables,
 * what engines ask about most, come from the namespace cache ResolveTable fills.
 */
@ApplicationScoped
public class AccessChecks {

    /** A question as an engine asks it: {@code table sales.raw.orders SELECT}. */
    public record Question(String securableType, String fullName, String privilege) {
    }

    private static final Map<String, Action> ACTIONS = Map.ofEntries(Map.entry("SELECT", Action.SELECT),
            Map.entry("MODIFY", Action.MODIFY), Map.entry("BROWSE", Action.READ_METADATA),
            Map.entry("CREATE_CATALOG", Action.CREATE_CATALOG), Map.entry("CREATE_SCHEMA", Action.CREATE_SCHEMA),
            Map.entry("CREATE_TABLE", Action.CREATE_TABLE), Map.entry("CREATE_VOLUME", Action.CREATE_VOLUME),
            Map.entry("CREATE_FUNCTION", Action.CREATE_FUNCTION), Map.entry("CREATE_MODEL", Action.CREATE_MODEL),
            Map.entry("READ_VOLUME", Action.READ_VOLUME), Map.entry("WRITE_VOLUME", Action.WRITE_VOLUME),
            Map.entry("EXECUTE", Action.EXECUTE), Map.entry("MANAGE", Action.MANAGE));

    @Inject
    AccessControl access;

    @Inject
    SecurableNames securables;

    @Transactional
    public List<Decision> check(Caller caller, List<Question> questions) {
        List<Decision> answers = new ArrayList<>(questions.size());
        List<Check> checks = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            Action action = action(i, question.privilege());
            int index = i;
            SecurableType type = SecurableType.parse(question.securableType()).orElseThrow(() -> new InvalidParameter(
                    "Check " + index + ": unknown securable type '" + question.securableType() + "'."));
            try {
                checks.add(new Check(action, securables.find(type, question.fullName())));
                positions.add(i);
                answers.add(null);
            } catch (NotFound missing) {
                answers.add(Decision.deny(hiddenOrMissing(caller, type, question.fullName()).getMessage()));
            } catch (ApiException invalid) {
                answers.add(Decision.deny(invalid.getMessage()));
            }
        }
        List<Decision> decided = access.decideVisible(caller, checks);
        for (int j = 0; j < decided.size(); j++) {
            answers.set(positions.get(j), decided.get(j));
        }
        return answers;
    }

    /** What a missing object is answered for this caller: the 404 of the top-most level it may not see, or of what is missing. */
    private ApiException hiddenOrMissing(Caller caller, SecurableType type, String fullName) {
        try {
            securables.visible(caller, Action.READ_METADATA, type, fullName);
            // created since it was looked for: it was missing when the question was asked
            return new NotFound("'" + Names.printable(fullName) + "' did not exist when it was asked about.");
        } catch (ApiException answer) {
            return answer;
        }
    }

    private static Action action(int index, String privilege) {
        Action action = privilege == null ? null
                : ACTIONS.get(privilege.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        if (action == null) {
            throw new InvalidParameter("Check " + index + ": privilege must be one of " + ACTIONS.keySet()
                    + ", not '" + privilege + "'.");
        }
        return action;
    }
}
