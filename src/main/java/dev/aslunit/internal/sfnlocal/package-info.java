/**
 * Step Functions Local mock configuration files, read and checked, turned into task answers.
 */
package dev.aslunit.internal.sfnlocal;
