package dev.aslunit.internal.definition.load.cdk;

/**
 * A token of the template that ASLUnit cannot give a value (a resource type whose values it does not
 * know, an SSM parameter, an import no stack of the app exports). It stays in the definition as the
 * opaque {@code placeholder} (CDK's own {@code ${Token[...]}} notation), which is harmless unless an
 * execution uses it: then the engine reports {@link #describe()}.
 *
 * @param placeholder the text standing for the value in the definition, e.g.
 *     {@code ${Token[GetAtt.emrserverlessapp.ApplicationId]}}
 * @param reason why there is no value, and what to do about it
 * @param location {@code file:line:col} of the token in the template
 */
public record CdkUnresolvedToken(String placeholder, String reason, String location) {

    public String describe() {
        return placeholder + " at " + location + ": " + reason;
    }
}
