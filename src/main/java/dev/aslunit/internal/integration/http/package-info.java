/**
 * HTTP Task states ({@code arn:aws:states:::http:invoke}): the request Step Functions builds and the
 * answer it shapes, for tests that answer them with WireMock.
 */
package dev.aslunit.internal.integration.http;
