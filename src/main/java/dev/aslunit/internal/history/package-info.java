/**
 * AWS's execution history as data: the event record, its JSON form, the recorder the engine writes to,
 * and the readable virtual-time trace printed by the CLI and the assertions.
 */
package dev.aslunit.internal.history;
