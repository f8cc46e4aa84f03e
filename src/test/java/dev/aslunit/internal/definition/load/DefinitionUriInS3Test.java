package dev.aslunit.internal.definition.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAM's {@code DefinitionUri} may name an S3 object as a {@code s3://} URI or as
 * {@code Bucket}/{@code Key} (both forms are in SAM's own translator tests); either way ASLUnit
 * cannot read it and says so, instead of looking for a local file named {@code s3:/...}.
 */
class DefinitionUriInS3Test {

    @ParameterizedTest
    @ValueSource(strings = {"s3://sam-demo-bucket/my_state_machine.asl.json",
        "\n        Bucket: sam-demo-bucket\n        Key: my_state_machine.asl.json"})
    void a_definition_in_s3_is_named_as_such(String uri) {
        String template = """
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: %s
                """.formatted(uri);

        assertThatThrownBy(() -> DefinitionLoader.fromString(template).named("template.yaml").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessage("State machine Flow in template.yaml takes its definition from S3; ASLUnit reads local"
                        + " files only: use a DefinitionUri relative to the template, or load the definition file"
                        + " itself");
    }
}
