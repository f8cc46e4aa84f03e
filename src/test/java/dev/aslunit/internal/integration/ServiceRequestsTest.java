package dev.aslunit.internal.integration;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRequestsTest {

    static final String API_GATEWAY = "arn:aws:states:::apigateway:invoke";

    @Test
    void api_gateway_headers_must_map_names_to_lists_of_strings() {
        assertThat(ServiceRequests.problems(API_GATEWAY, json("{\"Headers\": {\"custom_header\": [\"a\", \"b\"]}}"))).isEmpty();
        assertThat(ServiceRequests.problems(API_GATEWAY, json("{\"Headers\": {\"custom_header\": \"singleStringHeader\"}}")))
                .containsExactly("The value of the field 'Headers' has an invalid format");
        assertThat(ServiceRequests.problems(API_GATEWAY, json("{\"Headers\": [1]}")))
                .containsExactly("The value of the field 'Headers' has an invalid format");
        assertThat(ServiceRequests.problems(API_GATEWAY, json("{\"ApiEndpoint\": \"x\"}"))).isEmpty();
    }

    @Test
    void other_resources_are_not_judged() {
        assertThat(ServiceRequests.problems("arn:aws:states:::http:invoke", json("{\"Headers\": {\"a\": \"b\"}}"))).isEmpty();
        assertThat(ServiceRequests.problems("arn:aws:lambda:us-east-1:1:function:f", json("{}"))).isEmpty();
    }

    @Test
    void the_cause_is_worded_as_aws_words_it() {
        assertThat(ServiceRequests.cause("ApiGatewayInvoke", 2, json("{\"Headers\":{\"h\":\"v\"}}"),
                List.of("The value of the field 'Headers' has an invalid format")))
                .isEqualTo("An error occurred while executing the state 'ApiGatewayInvoke' (entered at the event id #2)."
                        + " The Parameters '{\"Headers\":{\"h\":\"v\"}}' could not be used to start the Task:"
                        + " [The value of the field 'Headers' has an invalid format]");
    }
}
