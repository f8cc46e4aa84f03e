/**
 * Finding and reading a definition from where users keep it: ASL JSON/YAML files with {@code ${...}}
 * substitutions, SAM and CloudFormation templates; reports problems with file positions.
 */
package dev.aslunit.internal.definition.load;
