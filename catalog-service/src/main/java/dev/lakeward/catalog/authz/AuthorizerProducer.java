package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.policy.Authorizer;
import dev.lakeward.policy.BuiltInAuthorizer;
import dev.lakeward.policy.RoleGroups;
import dev.lakeward.policy.opa.OpaAuthorizer;
import dev.lakeward.policy.opa.OpaClient;
import dev.lakeward.policy.opa.OpaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.net.URI;
import org.jboss.logging.Logger;

/** Picks the engine: the built-in evaluator, or OPA with {@code lakeward.authz.engine=opa}. */
@ApplicationScoped
public class AuthorizerProducer {

    private static final Logger LOG = Logger.getLogger(AuthorizerProducer.class);

    /** The groups of the roles, for both engines: the built-in evaluator's and the OPA bundle's data. */
    @Produces
    @Singleton
    RoleGroups roles(LakewardConfig lakeward) {
        return new RoleGroups(lakeward.identity().provisionersGroup(), lakeward.lineage().writersGroup());
    }

    /**
     * Also for the holdings effective permissions list, whichever engine decides (OPA answers
     * decisions, not holdings); typed so it is not a second Authorizer.
     */
    @Produces
    @ApplicationScoped
    @Typed(BuiltInAuthorizer.class)
    BuiltInAuthorizer builtIn(GrantSnapshots snapshots, RoleGroups roles) {
        return new BuiltInAuthorizer(snapshots, roles);
    }

    @Produces
    @ApplicationScoped
    Authorizer authorizer(LakewardConfig lakeward, BuiltInAuthorizer builtIn) {
        LakewardConfig.Authz config = lakeward.authz();
        return switch (config.engine()) {
            case BUILTIN -> builtIn;
            case OPA -> {
                URI url = config.opa().url().orElseThrow(() -> new IllegalStateException(
                        "lakeward.authz.engine=opa needs lakeward.authz.opa.url"));
                LOG.infof("Authorization decisions come from OPA at %s (%s)", url, config.opa().policy());
                yield new OpaAuthorizer(new OpaClient(new OpaConfig(url, config.opa().policy(), config.opa().timeout())));
            }
        };
    }
}
