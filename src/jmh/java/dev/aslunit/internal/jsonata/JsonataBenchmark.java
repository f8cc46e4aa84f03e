package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One JSONata state's worth of evaluation: an {@code Output} template with three expressions and an
 * {@code Assign} of two, over an input of 200 orders. Run with
 * {@code mvn -B -Pbench -DskipTests verify -Dbench.args=JsonataBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonataBenchmark {

    private JsonataTemplate output;
    private JsonataAssign assign;
    private JsonataScope scope;

    @Setup
    public void setUp() throws Exception {
        StringBuilder orders = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            orders.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"amount\":").append(i * 1.5)
                    .append(",\"status\":\"").append(i % 3 == 0 ? "open" : "paid").append("\"}");
        }
        JsonNode input = Json.parse("{\"customer\":\"c-1\",\"orders\":" + orders + "]}");
        output = JsonataTemplate.compile(Json.parse("""
                {"customer":"{% $states.input.customer %}",
                 "open":"{% $count($states.input.orders[status='open']) %}",
                 "total":"{% $sum($states.input.orders.amount) * $rate %}"}"""), "Output");
        assign = JsonataAssign.compile(Json.parse("""
                {"lastCustomer":"{% $states.input.customer %}","seen":"{% $seen + 1 %}"}"""), "Assign");
        VariableScope variables = VariableScope.root();
        variables.assignAll(Map.of("rate", Json.parse("1.2"), "seen", Json.parse("41")));
        scope = JsonataScope.of(JsonataScope.statesObject(input, Json.parse("{}"), null, null), variables,
                new SplittableRandom(1), Instant.EPOCH);
    }

    @Benchmark
    public JsonNode output() {
        return output.evaluate(scope);
    }

    @Benchmark
    public Map<String, JsonNode> assign() {
        return assign.evaluate(scope);
    }
}
