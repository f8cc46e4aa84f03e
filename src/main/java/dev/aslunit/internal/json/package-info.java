/**
 * The JSON toolbox: reading JSON and YAML text with source positions, writing, and the shared
 * Jackson configuration. Depends on nothing of ours.
 */
package dev.aslunit.internal.json;
