package be.biodiversity.portal.gateway.limit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Data Redis is on the gateway's class path for one thing: the health of the Redis that shared rate limits
 * use ({@code portal.limits.redis.enabled=true}; the limiter itself has its own Lettuce client). Without it, its
 * auto-configuration still made a connection factory, Lettuce's client resources and a timer thread, and loaded
 * about a thousand classes (13 MB of the gateway's 189 MB resident, measured): this leaves it out unless Redis is
 * on. Exclusions set elsewhere ({@code spring.autoconfigure.exclude}) are kept.
 */
class RedisAutoConfigurationSwitch implements EnvironmentPostProcessor, Ordered {

    static final String EXCLUDE = "spring.autoconfigure.exclude";

    private static final String PACKAGE = "org.springframework.boot.data.redis.autoconfigure.";

    static final List<String> REDIS = List.of(PACKAGE + "DataRedisAutoConfiguration",
            PACKAGE + "DataRedisReactiveAutoConfiguration", PACKAGE + "DataRedisRepositoriesAutoConfiguration",
            PACKAGE + "health.DataRedisHealthContributorAutoConfiguration",
            PACKAGE + "health.DataRedisReactiveHealthContributorAutoConfiguration",
            PACKAGE + "observation.LettuceObservationAutoConfiguration");

    @Override
    public int getOrder() {
        // after application.yml and the other config data are read
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("portal.limits.redis.enabled", Boolean.class, false)) {
            return;
        }
        Set<String> excluded = new LinkedHashSet<>();
        String already = environment.getProperty(EXCLUDE, "");
        Arrays.stream(already.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).forEach(excluded::add);
        excluded.addAll(REDIS);
        environment.getPropertySources()
            .addFirst(new MapPropertySource("portal-redis-off", Map.of(EXCLUDE, String.join(",", excluded))));
    }
}
