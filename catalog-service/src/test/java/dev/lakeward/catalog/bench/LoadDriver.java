package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Drives requests from concurrent clients for a fixed time and reports throughput and latency:
 * the loop the load harnesses share. Every answer must be a 200; each run is bounded in time.
 */
final class LoadDriver {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int clients;
    private final int seconds;

    LoadDriver(int clients, int seconds) {
        this.clients = clients;
        this.seconds = seconds;
    }

    HttpClient http() {
        return http;
    }

    /** Runs the HTTP requests, each made from a random int, from all clients; every answer must be a 200. */
    String run(String name, IntFunction<HttpRequest> request) throws Exception {
        AtomicLong errors = new AtomicLong();
        String report = runCalls(name, i -> {
            try {
                if (http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertThat(errors.get()).as("failed requests in %s", name).isZero();
        return report;
    }

    /** Runs the calls (any protocol; a call throws when it fails), each made from a random int, from all clients. */
    String runCalls(String name, IntConsumer call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                long[] latencies = new long[1 << 21];
                int n = 0;
                while (System.nanoTime() < deadline && n < latencies.length) {
                    int next = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
                    long start = System.nanoTime();
                    call.accept(next);
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> client : running) {
            long[] part = client.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdownNow();
        Arrays.sort(all);
        return String.format(Locale.ROOT, "%-32s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests)",
                name, all.length / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                all.length);
    }
}
