package dev.aslunit.internal.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    @Test
    void a_swap_of_two_neighbours_is_one_edit_and_case_does_not_count() {
        assertThat(ClosestName.nearest("Tsak", List.of("Pass", "Task"))).isEqualTo(new ClosestName.Match("Task", 1));
        assertThat(ClosestName.nearest("shiporder", List.of("ShipOrder"))).isEqualTo(new ClosestName.Match("ShipOrder", 0));
    }

    @Test
    void counts_insertions_deletions_and_substitutions() {
        assertThat(ClosestName.nearest("ShipOrdr", List.of("ShipOrder")).distance()).isEqualTo(1);
        assertThat(ClosestName.nearest("Charge", List.of("ChargePayment")).distance()).isEqualTo(7);
        assertThat(ClosestName.nearest("kitten", List.of("sitting")).distance()).isEqualTo(3);
    }

    @Test
    void the_first_of_equally_near_candidates_wins_and_no_candidates_give_none() {
        assertThat(ClosestName.nearest("Cat", List.of("Bat", "Hat")).name()).isEqualTo("Bat");
        assertThat(ClosestName.nearest("Cat", List.of())).isNull();
    }
}
