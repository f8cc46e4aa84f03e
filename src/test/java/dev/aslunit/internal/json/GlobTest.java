package dev.aslunit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void a_star_stays_within_one_segment_and_two_stars_cross_segments() {
        assertThat(Glob.compile("orders/*.csv").matcher("orders/2024.csv").matches()).isTrue();
        assertThat(Glob.compile("orders/*.csv").matcher("orders/2024/01.csv").matches()).isFalse();
        assertThat(Glob.compile("orders/**.csv").matcher("orders/2024/01.csv").matches()).isTrue();
    }

    @Test
    void an_arn_has_no_slash_before_its_resource_so_one_star_covers_region_account_and_name() {
        assertThat(Glob.compile("arn:aws:lambda:*").matcher("arn:aws:lambda:us-east-1:123456789012:function:Pay")
                .matches()).isTrue();
        assertThat(Glob.compile("arn:aws:lambda:*:function:Pay*")
                .matcher("arn:aws:lambda:us-east-1:123456789012:function:PayV2").matches()).isTrue();
    }

    @Test
    void everything_but_stars_is_literal() {
        assertThat(Glob.compile("a.b(c)+").matcher("a.b(c)+").matches()).isTrue();
        assertThat(Glob.compile("a.b").matcher("axb").matches()).isFalse();
        assertThat(Glob.isGlob("arn:aws:states:::lambda:invoke")).isFalse();
    }
}
