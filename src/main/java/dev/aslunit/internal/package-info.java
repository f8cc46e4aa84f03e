/**
 * Everything that is not ASLUnit's public API. Types here may be public so that the API packages can
 * reach them, but they may change in any release; user code must not import them.
 */
package dev.aslunit.internal;
