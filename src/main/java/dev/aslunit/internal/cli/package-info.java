/**
 * The {@code aslunit} command line: {@code validate}, {@code run} (single and batch) and {@code serve},
 * over picocli. The only package besides the server that prints.
 */
package dev.aslunit.internal.cli;
