package dev.aslunit.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void runs_actions_in_time_order_and_ties_in_scheduling_order() {
        VirtualScheduler s = new VirtualScheduler(T0);
        List<String> log = new ArrayList<>();
        s.schedule(T0.plusSeconds(10), () -> log.add("b@" + s.now()));
        s.schedule(T0.plusSeconds(5), () -> log.add("a@" + s.now()));
        s.schedule(T0.plusSeconds(10), () -> log.add("c@" + s.now()));
        s.runUntilIdle();
        assertThat(log).containsExactly("a@2025-01-01T00:00:05Z", "b@2025-01-01T00:00:10Z", "c@2025-01-01T00:00:10Z");
        assertThat(s.isIdle()).isTrue();
    }

    @Test
    void tells_when_the_next_action_is_due_without_running_it() {
        VirtualScheduler s = new VirtualScheduler(T0);
        assertThat(s.nextDue()).isNull();
        s.scheduleAfter(Duration.ofSeconds(30), () -> { });
        s.scheduleAfter(Duration.ofSeconds(10), () -> { });
        assertThat(s.nextDue()).isEqualTo(T0.plusSeconds(10));
        assertThat(s.now()).isEqualTo(T0);
        s.runNext();
        assertThat(s.nextDue()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void a_year_passes_without_waiting() {
        VirtualScheduler s = new VirtualScheduler(T0);
        s.scheduleAfter(Duration.ofDays(365), () -> { });
        assertThat(s.runNext()).isTrue();
        assertThat(s.now()).isEqualTo(T0.plus(Duration.ofDays(365)));
        assertThat(s.runNext()).isFalse();
    }

    @Test
    void advance_runs_what_is_due_and_stops_at_the_target() {
        VirtualScheduler s = new VirtualScheduler(T0);
        List<Integer> ran = new ArrayList<>();
        s.scheduleAfter(Duration.ofSeconds(1), () -> ran.add(1));
        s.scheduleAfter(Duration.ofSeconds(3), () -> ran.add(3));
        s.advanceBy(Duration.ofSeconds(2));
        assertThat(ran).containsExactly(1);
        assertThat(s.now()).isEqualTo(T0.plusSeconds(2));
        s.advanceTo(T0.plusSeconds(3));
        assertThat(ran).containsExactly(1, 3);
    }

    @Test
    void actions_in_the_past_run_now_and_time_never_goes_back() {
        VirtualScheduler s = new VirtualScheduler(T0);
        s.schedule(T0.minusSeconds(5), () -> { });
        s.runNext();
        assertThat(s.now()).isEqualTo(T0);
        assertThatThrownBy(() -> s.advanceTo(T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_seed_gives_the_same_sequence() {
        SeededRandom a = new SeededRandom(7);
        SeededRandom b = new SeededRandom(7);
        assertThat(a.uuid()).isEqualTo(b.uuid());
        assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
        assertThat(new SeededRandom(7).uuid().version()).isEqualTo(4);
        assertThat(new SeededRandom(8).uuid()).isNotEqualTo(new SeededRandom(7).uuid());
    }
}
