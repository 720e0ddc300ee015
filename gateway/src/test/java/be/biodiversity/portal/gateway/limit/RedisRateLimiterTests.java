package be.biodiversity.portal.gateway.limit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis (Bucket4j + Lettuce) limiter. {@link WithoutRedis} always runs; {@link AgainstRedis} needs a
 * {@code redis-server} binary (started for the test on a free loopback port) and says on the console when it skips.
 */
class RedisRateLimiterTests {

    static final LimitProperties.Budget THREE_PER_MINUTE = new LimitProperties.Budget(3, Duration.ofMinutes(1));

    static RedisClient client = RedisClient.create();

    @AfterAll
    static void shutdown() {
        client.shutdown();
    }

    @Nested
    class WithoutRedis {

        @Test
        void whenRedisIsUnreachableRequestsAreLetThrough() {
            int port = freePort();
            RedisRateLimiter limiter = new RedisRateLimiter(client, "redis://127.0.0.1:" + port,
                    new LimitProperties.Redis(true, "x:", Duration.ofMillis(300)));
            ClientRateLimiter.Decision decision = limiter.consume("a", THREE_PER_MINUTE).block(Duration.ofSeconds(5));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(3);
        }
    }

    @Nested
    class AgainstRedis {

        static Process redis;

        static int port;

        @BeforeAll
        static void startRedis() throws Exception {
            File binary = new File("/usr/bin/redis-server");
            if (!binary.canExecute()) {
                String reason = "redis-server is not installed (apt-get install redis-server): the shared-budget tests "
                        + "against a real Redis are skipped";
                System.out.println("[skipped] " + reason);
                Assumptions.abort(reason);
            }
            port = freePort();
            redis = new ProcessBuilder(binary.getPath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitPort(port);
        }

        @AfterAll
        static void stopRedis() throws InterruptedException {
            if (redis != null) {
                redis.destroy();
                redis.waitFor(5, TimeUnit.SECONDS);
            }
        }

        @Test
        void gatewayInstancesShareOneBudgetPerClient() {
            RedisRateLimiter first = limiter("share:");
            RedisRateLimiter second = limiter("share:");

            assertThat(first.consume("read:1.2.3.4", THREE_PER_MINUTE).block().remaining()).isEqualTo(2);
            assertThat(second.consume("read:1.2.3.4", THREE_PER_MINUTE).block().remaining()).isEqualTo(1);
            assertThat(first.consume("read:1.2.3.4", THREE_PER_MINUTE).block().allowed()).isTrue();
            ClientRateLimiter.Decision refused = second.consume("read:1.2.3.4", THREE_PER_MINUTE).block();

            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(19L, 20L);
            assertThat(first.consume("read:5.6.7.8", THREE_PER_MINUTE).block().allowed()).isTrue();
        }

        private static RedisRateLimiter limiter(String prefix) {
            return new RedisRateLimiter(client, "redis://127.0.0.1:" + port,
                    new LimitProperties.Redis(true, prefix, Duration.ofSeconds(2)));
        }

        private static void awaitPort(int port) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    return;
                }
                catch (IOException ex) {
                    Thread.onSpinWait();
                }
            }
            throw new IllegalStateException("redis-server did not start on port " + port);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
