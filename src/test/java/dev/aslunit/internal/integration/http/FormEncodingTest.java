package dev.aslunit.internal.integration.http;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INDICES  | array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c",
        "REPEAT   | array=a&array=b&array=c",
        "COMMAS   | array=a%2Cb%2Cc",
        "BRACKETS | array%5B%5D=a&array%5B%5D=b&array%5B%5D=c",
    })
    void arrays_follow_the_array_format(String format, String expected) {
        assertThat(FormEncoding.of(format).encode(json("{\"array\": [\"a\", \"b\", \"c\"]}"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": {\"b\": 1, \"c\": true}}     | a%5Bb%5D=1&a%5Bc%5D=true",
        "{\"n\": null, \"s\": \"x&y=z\"}        | n=&s=x%26y%3Dz",
        "{\"list\": [{\"k\": 1}]}               | list%5B0%5D%5Bk%5D=1",
    })
    void objects_nest_in_brackets_and_values_are_escaped(String body, String expected) {
        assertThat(FormEncoding.of(null).encode(json(body))).isEqualTo(expected);
    }
}
