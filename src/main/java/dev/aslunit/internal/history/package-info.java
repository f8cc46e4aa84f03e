/**
 * AWS's execution history as data: the event record, its JSON form, the recorder the engine writes to,
 * and how durations read in it.
 */
package dev.aslunit.internal.history;
