package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** {@link EngineJson#sizeBound}: what the events nobody keeps check of a payload instead of writing its text. */
class JsonSizeBoundTest {

    static long utf8Size(JsonNode node) {
        return EngineJson.text(node).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void the_bound_is_never_below_the_size_of_the_text() {
        ArrayNode numbers = EngineJson.NODES.arrayNode().add(Integer.MIN_VALUE).add(Long.MIN_VALUE)
                .add(new BigInteger("-" + "9".repeat(300))).add(BigInteger.ZERO).add(-2.2250738585072014E-308)
                .add(Double.NaN).add(Double.NEGATIVE_INFINITY).add(-1.17549435E-38f)
                .add(new BigDecimal("1E+1000")).add(new BigDecimal("-0.000001234"))
                .add(new BigDecimal("-123456789012345678901234567890.5"));
        List<JsonNode> payloads = List.of(
                EngineJson.NODES.textNode("\u0001\u001f\"\\\n\t"),
                EngineJson.NODES.textNode("\u00e9\u2028\uffff\ud83d\ude00"),
                numbers,
                json("{\"a\":[true,false,null,{},[]],\"\u00e9\\u0000\":{\"b\":\"\"}}"),
                json("[]"),
                json("{}"),
                EngineJson.NODES.nullNode(),
                EngineJson.NODES.missingNode());

        for (JsonNode payload : payloads) {
            assertThat(EngineJson.sizeBound(payload)).as(EngineJson.text(payload)).isGreaterThanOrEqualTo(utf8Size(payload));
        }
        // a number's text can be long: the bound must not assume otherwise
        for (JsonNode n : numbers) {
            assertThat(EngineJson.sizeBound(n)).as(EngineJson.text(n)).isGreaterThanOrEqualTo(utf8Size(n));
        }
    }

    @Test
    void a_payload_nested_deeper_than_text_can_be_written_fails_the_same_way() {
        JsonNode deepest = nested(1000);
        assertThat(EngineJson.sizeBound(deepest)).isGreaterThanOrEqualTo(utf8Size(deepest));

        JsonNode tooDeep = nested(1001);
        StateFailure writing = catchFailure(() -> EngineJson.text(tooDeep));
        StateFailure bounding = catchFailure(() -> EngineJson.sizeBound(tooDeep));
        assertThat(bounding.error()).isEqualTo(writing.error()).isEqualTo(Errors.DATA_LIMIT_EXCEEDED);
        assertThat(bounding.cause()).isEqualTo(writing.cause());
    }

    /** {@code levels} arrays and objects, alternately, one inside the other. */
    static JsonNode nested(int levels) {
        JsonNode node = EngineJson.NODES.textNode("core");
        for (int i = 0; i < levels; i++) {
            node = i % 2 == 0 ? EngineJson.NODES.arrayNode().add(node) : EngineJson.object().set("k", node);
        }
        return node;
    }

    static StateFailure catchFailure(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).isInstanceOf(StateFailure.class);
        return (StateFailure) thrown;
    }
}
