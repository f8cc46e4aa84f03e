package dev.aslunit.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * How a navigation method ({@code state("X")}, {@code returnToExecution()}) hands over the next
 * assert object: directly, or, in soft mode on AssertJ 3.x, as a soft proxy of the same soft
 * assertions, so failures after navigating are collected too.
 */
interface Navigator {

    Navigator DIRECT = new Navigator() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A follow(Class<A> assertType, Class<T> actualType, T actual, A plain) {
            return plain;
        }
    };

    <A extends AbstractAssert<A, T>, T> A follow(Class<A> assertType, Class<T> actualType, T actual, A plain);
}
