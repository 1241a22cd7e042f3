package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final CredentialCache cache = new CredentialCache(clock, 1_000);
    private final CredentialCache.Key key = new CredentialCache.Key("s3://lake/t", AccessLevel.READ, "cred-1");
    private final AtomicInteger minted = new AtomicInteger();

    private TemporaryCredential mint() {
        minted.incrementAndGet();
        return new TemporaryCredential("s3://lake/t", clock.instant().plus(Duration.ofHours(1)),
                new TemporaryCredential.AwsSession("AKIA" + minted.get(), "secret", "token"));
    }

    @Test
    void servedUntilHalfItsLifeIsGone() {
        TemporaryCredential first = cache.get(key, this::mint);
        clock.advance(Duration.ofMinutes(29));
        assertThat(cache.get(key, this::mint)).isSameAs(first);
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(key, this::mint)).isNotSameAs(first);
        assertThat(minted.get()).isEqualTo(2);
        assertThat(cache.get(new CredentialCache.Key("s3://lake/t", AccessLevel.READ_WRITE, "cred-1"), this::mint))
                .as("another access is another credential").isNotNull();
        assertThat(minted.get()).isEqualTo(3);
    }

    @Test
    void aBurstMintsOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<TemporaryCredential>> burst = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                burst.add(pool.submit(() -> cache.get(key, () -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return mint();
                })));
            }
            Thread.sleep(200);
            release.countDown();
            TemporaryCredential one = burst.get(0).get(5, TimeUnit.SECONDS);
            for (Future<TemporaryCredential> each : burst) {
                assertThat(each.get(5, TimeUnit.SECONDS)).isSameAs(one);
            }
            assertThat(minted.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedMintIsNotKept() {
        assertThatThrownBy(() -> cache.get(key, () -> {
            throw new IllegalStateException("STS said no");
        })).hasMessage("STS said no");
        assertThat(cache.get(key, this::mint)).isNotNull();
        assertThat(minted.get()).isEqualTo(1);
    }
}
