package dev.lakeward.catalog.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;

/**
 * Keeps every replica on one server key. The first start stores a check value of its key (an HMAC
 * of a fixed label under it, from which the key cannot be learned: V19's {@code server_key_check});
 * a later start, of any replica, whose key gives another value refuses to start with one line on
 * stderr (Quarkus prints a configuration failure's message alone), rather than run and fail on
 * each secret the others sealed.
 */
@ApplicationScoped
public class ServerKeyCheck {

    private static final String PURPOSE = "server-key-check";

    @Inject
    ServerKey serverKey;

    @Inject
    EntityManager em;

    // before anything else starts that could use the key
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        byte[] mine = serverKey.derived(PURPOSE);
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> {
            // the first of replicas starting together wins; the others compare with it
            em.createNativeQuery("insert into server_key_check (check_value) values (?1) on conflict do nothing")
                    .setParameter(1, mine).executeUpdate();
            return (byte[]) em.createNativeQuery("select check_value from server_key_check").getSingleResult();
        });
        if (!MessageDigest.isEqual(mine, stored)) {
            throw new ConfigurationException("Lakeward did not start: its server key (lakeward.credentials.encryption-key,"
                    + " or the one generated into the data folder when it is unset) is not the key of the replicas"
                    + " that share this database; give every replica the same lakeward.credentials.encryption-key.");
        }
    }
}
