package dev.aslunit.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void prints_the_largest_units_that_are_not_zero() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(Durations.format(Duration.ofHours(49))).isEqualTo("2d 1h");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
        assertThat(Durations.format(null)).isEqualTo("-");
    }
}
