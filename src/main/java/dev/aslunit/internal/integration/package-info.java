/**
 * AWS's service contracts as pure data: resource ARNs and integration patterns, the requests Step
 * Functions sends and the responses it shapes. Depends only on {@code json}.
 */
package dev.aslunit.internal.integration;
