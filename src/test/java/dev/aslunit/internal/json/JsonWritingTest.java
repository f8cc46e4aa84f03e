package dev.aslunit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonWritingTest {

    @Test
    void writes_the_same_text_as_the_object_mapper() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree("""
                {"s": "quote \\" backslash \\\\ tab \\t nl \\n ctl \\u0001 é 😀 </script>",
                 "i": 7, "neg": -3, "l": 12345678901234, "big": 123456789012345678901234567890,
                 "d": 1.5, "e": 1.0E-7, "z": 0.0, "t": true, "f": false, "n": null,
                 "a": [1, [2, {"k": []}], {}], "o": {"nested": {"deep": "x"}}}""");
        tree.put("float", 0.1f);
        tree.put("decimal", new BigDecimal("1.10"));
        tree.put("bigInteger", new BigInteger("-99999999999999999999"));
        tree.put("short", (short) 3);

        assertThat(JsonWriting.text(tree)).isEqualTo(mapper.writeValueAsString(tree));
        assertThat(JsonWriting.text(JsonNodeFactory.instance.textNode("x"))).isEqualTo("\"x\"");
    }

    @Test
    void field_names_are_written_as_jackson_writes_them_also_once_kept() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree("""
                {"plain": 1, "quote \\"": 2, "back\\\\slash": 3, "tab\\t": 4, "\\u0001": 5, "é": 6, "😀": 7,
                 "</script>": 8, "nested": {"plain": {"quote \\"": "😀"}}}""");

        for (int round = 0; round < 2; round++) {
            assertThat(JsonWriting.text(tree)).isEqualTo(mapper.writeValueAsString(tree));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (com.fasterxml.jackson.core.JsonGenerator g = JsonWriting.factory().createGenerator(bytes,
                    com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
                JsonWriting.write(g, tree);
            }
            assertThat(bytes.toByteArray()).isEqualTo(mapper.writeValueAsBytes(tree));
        }
    }

    @Test
    void each_text_is_its_value_alone_also_after_one_that_could_not_be_written() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        com.fasterxml.jackson.databind.node.ArrayNode deep = nodes.arrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode inner = deep;
        for (int i = 0; i < 1100; i++) {
            inner = inner.addArray();
        }
        ObjectNode big = nodes.objectNode();
        big.put("s", "x".repeat(100_000));

        assertThat(JsonWriting.text(nodes.numberNode(1))).isEqualTo("1");
        assertThat(JsonWriting.text(nodes.numberNode(2))).isEqualTo("2");
        assertThat(JsonWriting.text(big)).hasSize(100_008);
        assertThatThrownBy(() -> JsonWriting.text(deep)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(com.fasterxml.jackson.core.exc.StreamConstraintsException.class);
        assertThat(JsonWriting.text(nodes.objectNode().put("k", "v"))).isEqualTo("{\"k\":\"v\"}");
        assertThat(JsonWriting.text(nodes.arrayNode().add(true))).isEqualTo("[true]");
    }

    @Test
    void utf8_length_counts_the_bytes_utf_8_takes() {
        String text = "a\u00e9\u20ac\uD83D\uDE00 {\"k\": 1}";
        assertThat(JsonWriting.utf8Length(text))
                .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isEqualTo(1 + 2 + 3 + 4 + 9);
    }
}
