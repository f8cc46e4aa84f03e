package dev.aslunit.internal.json;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * The project's one Jayway JsonPath configuration, over {@link Json#mapper()} and Jackson trees (no
 * global {@code Configuration.setDefaults}, which would leak between parallel tests).
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** A path that finds nothing throws {@link com.jayway.jsonpath.PathNotFoundException}. */
    public static Configuration strict() {
        return Holder.STRICT;
    }

    /** A path that finds nothing reads as {@code null}: for conditions that simply do not match. */
    public static Configuration lenient() {
        return Holder.LENIENT;
    }

    /** Built on first use: the engine's common simple paths never need Jayway or the mapper. */
    private static final class Holder {
        static final Configuration STRICT = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
                .mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .build();
        static final Configuration LENIENT = STRICT.addOptions(Option.SUPPRESS_EXCEPTIONS);
    }
}
