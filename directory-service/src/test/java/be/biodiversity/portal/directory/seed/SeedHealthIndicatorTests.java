package be.biodiversity.portal.directory.seed;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class SeedHealthIndicatorTests {

    final SeedHealthIndicator health = new SeedHealthIndicator();

    @Test
    void outOfServiceUntilSeeded() {
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        health.seeding();
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        health.seeded(24);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("inserted", 24L);
    }

    @Test
    void downWhenSeedingFailed() {
        health.seeding();
        health.failed(new IllegalStateException("Invalid organisation 'x'"));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("error").toString()).contains("Invalid organisation 'x'");
    }
}
