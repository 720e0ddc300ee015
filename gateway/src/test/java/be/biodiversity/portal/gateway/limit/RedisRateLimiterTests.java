package be.biodiversity.portal.gateway.limit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Redis: a {@code redis-server} started for the test on a free loopback port (skipped where that
 * binary is not installed, e.g. {@code apt-get install redis-server}).
 */
class RedisRateLimiterTests {

    static Process redis;

    static LettuceConnectionFactory connections;

    final LimitProperties.Budget threePerMinute = new LimitProperties.Budget(3, Duration.ofMinutes(1));

    @BeforeAll
    static void startRedis() throws Exception {
        File binary = new File("/usr/bin/redis-server");
        Assumptions.assumeTrue(binary.canExecute(), "redis-server is not installed");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder(binary.getPath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitPort(port);
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        if (connections != null) {
            connections.destroy();
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void gatewayInstancesShareOneBudgetPerClient() {
        RedisRateLimiter first = limiter("share:");
        RedisRateLimiter second = limiter("share:");

        assertThat(first.consume("read:1.2.3.4", this.threePerMinute).block().remaining()).isEqualTo(2);
        assertThat(second.consume("read:1.2.3.4", this.threePerMinute).block().remaining()).isEqualTo(1);
        assertThat(first.consume("read:1.2.3.4", this.threePerMinute).block().allowed()).isTrue();
        ClientRateLimiter.Decision refused = second.consume("read:1.2.3.4", this.threePerMinute).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(19L, 20L);
        assertThat(first.consume("read:5.6.7.8", this.threePerMinute).block().allowed()).isTrue();
    }

    @Test
    void theBudgetRefills() throws InterruptedException {
        RedisRateLimiter limiter = limiter("refill:");
        LimitProperties.Budget twoPer200ms = new LimitProperties.Budget(2, Duration.ofMillis(200));
        limiter.consume("a", twoPer200ms).block();
        limiter.consume("a", twoPer200ms).block();
        assertThat(limiter.consume("a", twoPer200ms).block().allowed()).isFalse();
        Thread.sleep(150);
        assertThat(limiter.consume("a", twoPer200ms).block().allowed()).isTrue();
    }

    @Test
    void whenRedisIsUnreachableRequestsAreLetThrough() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisRateLimiter limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(nowhere),
                    new LimitProperties.Redis(true, "x:", Duration.ofMillis(300)));
            assertThat(limiter.consume("a", this.threePerMinute).block(Duration.ofSeconds(5)).allowed()).isTrue();
        }
        finally {
            nowhere.destroy();
        }
    }

    private static RedisRateLimiter limiter(String prefix) {
        return new RedisRateLimiter(new ReactiveStringRedisTemplate(connections),
                new LimitProperties.Redis(true, prefix, Duration.ofSeconds(2)));
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException ex) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
