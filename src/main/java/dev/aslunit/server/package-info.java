/**
 * The Step Functions API on localhost ({@link dev.aslunit.server.StepFunctionsServer}, public) and
 * TestState in Java ({@link dev.aslunit.server.StateTest}). Everything else here is package-private:
 * the wire format, the operations, the records of machines and executions.
 */
package dev.aslunit.server;
