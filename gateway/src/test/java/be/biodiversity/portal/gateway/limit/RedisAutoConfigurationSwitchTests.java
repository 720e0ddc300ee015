package be.biodiversity.portal.gateway.limit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Data Redis is configured only when the rate limits use Redis; exclusions set elsewhere are kept. */
class RedisAutoConfigurationSwitchTests {

    @Test
    void leavesRedisOutByDefaultKeepingOtherExclusions() {
        StandardEnvironment environment = environment(Map.of(RedisAutoConfigurationSwitch.EXCLUDE,
                "com.example.SomeAutoConfiguration, com.example.OtherAutoConfiguration"));
        new RedisAutoConfigurationSwitch().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(RedisAutoConfigurationSwitch.EXCLUDE).split(","))
            .startsWith("com.example.SomeAutoConfiguration", "com.example.OtherAutoConfiguration")
            .containsAll(RedisAutoConfigurationSwitch.REDIS);
    }

    @Test
    void leavesEverythingAsItIsWhenTheLimitsUseRedis() {
        StandardEnvironment environment = environment(Map.of("portal.limits.redis.enabled", "true"));
        new RedisAutoConfigurationSwitch().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(RedisAutoConfigurationSwitch.EXCLUDE)).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
