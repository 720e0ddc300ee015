package be.biodiversity.portal.gateway.limit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LimitConfigurationTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, LimitConfiguration.class);

    @Test
    void limitsAreKeptInMemoryByDefault() {
        this.context.run(beans -> assertThat(beans).getBean(ClientRateLimiter.class)
                .isInstanceOf(LocalRateLimiter.class));
    }

    @Test
    void limitsAreKeptInRedisWhenConfigured() {
        this.context.withPropertyValues("portal.limits.redis.enabled=true").run(beans -> assertThat(beans)
                .getBean(ClientRateLimiter.class).isInstanceOf(RedisRateLimiter.class));
    }

    @Test
    void aBudgetWithoutRequestsIsRefusedAtStartup() {
        this.context.withPropertyValues("portal.limits.write.requests=0").run(beans -> assertThat(beans)
                .hasFailed().getFailure().hasRootCauseMessage(
                        "portal.limits budget needs requests >= 1 and a positive period"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LimitProperties.class)
    static class Properties {
    }
}
