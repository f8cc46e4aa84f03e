/**
 * State machines of a CDK app: the cloud assembly ({@code cdk.out}) or a synthesized template, selected by
 * construct path or logical id, with {@code Fn::Join} and the other intrinsics resolved.
 */
package dev.aslunit.internal.definition.load.cdk;
