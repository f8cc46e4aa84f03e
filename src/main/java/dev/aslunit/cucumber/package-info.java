/**
 * ASLUnit's Cucumber step library. Add {@code dev.aslunit.cucumber} to {@code cucumber.glue}; the
 * one glue class, {@link dev.aslunit.cucumber.StepFunctionSteps}, has a no-arg constructor, so it
 * works with Cucumber's default object factory and with any DI container.
 */
package dev.aslunit.cucumber;
