package dev.aslunit.internal.definition.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import org.junit.jupiter.api.Test;

/**
 * Intrinsic functions inside a template's inline {@code Definition}, as SAM samples write them
 * (aws-samples/aws-control-tower-account-setup-using-step-functions: {@code Resource: !GetAtt
 * RegionalFunction.Arn}; aws-samples/aws-stepfunctions-examples' app-low-code-you-know-counter:
 * {@code Resource: !Sub 'arn:${AWS::Partition}:states:...'}): CloudFormation resolves them
 * before Step Functions sees the definition, so they are the text they stand for, with
 * placeholders for what only the deployed stack knows.
 */
class InlineIntrinsicsTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Timeout:
                Type: Number
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition:
                    StartAt: Charge
                    States:
                      Charge:
                        Type: Task
                        Resource: !GetAtt ChargeFunction.Arn
                        TimeoutSeconds: !Ref Timeout
                        Next: Transcribe
                      Transcribe:
                        Type: Task
                        Resource: !Sub 'arn:${AWS::Partition}:states:::aws-sdk:transcribe:startTranscriptionJob'
                        Parameters:
                          OutputBucketName: !Ref ResultsBucket
                          Media:
                            MediaFileUri: !Sub
                              - 's3://${Bucket}/${Key}'
                              - Bucket: media
                                Key: !Ref MediaKey
                        Next: Notify
                      Notify:
                        Type: Task
                        Resource: arn:aws:states:::sns:publish
                        Parameters:
                          TopicArn: !Join [':', ['arn:aws:sns', !Ref 'AWS::Region', !Ref 'AWS::AccountId', alerts]]
                          Message: !If [IsProd, prod, test]
                        End: true
            """;

    @Test
    void intrinsic_functions_become_the_text_they_stand_for_and_validate_with_placeholders_opaque() {
        LoadedDefinition loaded = DefinitionLoader.fromString(TEMPLATE).named("template.yaml").allowOpaquePlaceholders()
                .load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.json().at("/States/Charge/Resource").asText()).isEqualTo("${ChargeFunction.Arn}");
        assertThat(loaded.json().at("/States/Charge/TimeoutSeconds").asText()).isEqualTo("${Timeout}");
        assertThat(loaded.json().at("/States/Transcribe/Resource").asText())
                .isEqualTo("arn:${AWS::Partition}:states:::aws-sdk:transcribe:startTranscriptionJob");
        assertThat(loaded.json().at("/States/Transcribe/Parameters/Media/MediaFileUri").asText())
                .isEqualTo("s3://media/${MediaKey}");
        assertThat(loaded.json().at("/States/Notify/Parameters/TopicArn").asText())
                .isEqualTo("arn:aws:sns:${AWS::Region}:${AWS::AccountId}:alerts");
        assertThat(loaded.json().at("/States/Notify/Parameters/Message").asText()).isEqualTo("${Fn::If}");
    }

    @Test
    void their_placeholders_take_the_callers_values_as_the_definition_file_would() {
        LoadedDefinition loaded = DefinitionLoader.fromString(TEMPLATE).named("template.yaml")
                .substitution("ChargeFunction.Arn", "arn:aws:lambda:us-east-1:123456789012:function:charge")
                .substitution("AWS::Partition", "aws").allowOpaquePlaceholders().load();

        assertThat(loaded.json().at("/States/Charge/Resource").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:charge");
        assertThat(loaded.json().at("/States/Transcribe/Resource").asText())
                .isEqualTo("arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob");
        assertThat(loaded.diagnostics()).isEmpty();
    }

    @Test
    void without_a_value_each_placeholder_is_reported_where_its_function_is_written() {
        LoadedDefinition loaded = DefinitionLoader.fromString(TEMPLATE).named("template.yaml").load();

        assertThat(loaded.errors()).filteredOn(d -> d.location().pointer().equals("/States/Charge/Resource"))
                .extracting(Diagnostic::code, d -> d.location().line(), d -> d.location().column())
                .containsExactly(tuple(DiagnosticCode.UNRESOLVED_PLACEHOLDER, 14, 13));
        assertThat(loaded.errors()).extracting(Diagnostic::code).containsOnly(DiagnosticCode.UNRESOLVED_PLACEHOLDER);
    }
}
