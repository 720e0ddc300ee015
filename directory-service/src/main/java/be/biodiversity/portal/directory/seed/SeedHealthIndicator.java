package be.biodiversity.portal.directory.seed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code seed} component of {@code /actuator/health}: OUT_OF_SERVICE until the start-up seeding has run (so a
 * client that waits for UP never sees a half-filled directory), UP after, DOWN if it failed.
 */
@Component
class SeedHealthIndicator implements HealthIndicator {

    private volatile Health health = Health.outOfService().withDetail("seed", "not started").build();

    @Override
    public Health health() {
        return health;
    }

    void seeding() {
        health = Health.outOfService().withDetail("seed", "running").build();
    }

    void seeded(long inserted) {
        health = Health.up().withDetail("seed", "done").withDetail("inserted", inserted).build();
    }

    void failed(Throwable error) {
        health = Health.down(error).withDetail("seed", "failed").build();
    }
}
