/**
 * Workflow coverage (JSON, HTML, Markdown) and pictures of executions (HTML/SVG and Mermaid).
 */
package dev.aslunit.internal.report;
