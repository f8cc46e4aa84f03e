package dev.aslunit.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One case of a test file, read and checked: the state machine, its input, mocks and clock, and the
 * expectations, each remembering where in the file it was written. Run it with {@link TestFileRunner}.
 */
public final class TestCase {

    private final String name;
    private final Path file;
    private final SourceLocation location;
    final MachineSpec machine;
    final JsonNode input;
    final Instant startTime;
    final Long seed;
    final List<MockSpec> mocks;
    final List<Expectation> expectations;
    /** The case expects the execution to wait for a task token: it is started, not run to its end. */
    final boolean staysWaiting;
    /** The Task states (by name) and resources (starting with {@code arn:}) that call their real endpoint. */
    final List<Expectation.Named> passThrough;
    /** Where passed-through Tasks go; {@code null}: the configuration parameters, else the SDK's defaults. */
    final URI awsEndpoint;
    final String awsRegion;

    TestCase(String name, Path file, SourceLocation location, MachineSpec machine, JsonNode input, Instant startTime,
            Long seed, List<MockSpec> mocks, List<Expectation> expectations, boolean staysWaiting,
            List<Expectation.Named> passThrough, URI awsEndpoint, String awsRegion) {
        this.passThrough = List.copyOf(passThrough);
        this.awsEndpoint = awsEndpoint;
        this.awsRegion = awsRegion;
        this.staysWaiting = staysWaiting;
        this.name = name;
        this.file = file;
        this.location = location;
        this.machine = machine;
        this.input = input;
        this.startTime = startTime;
        this.seed = seed;
        this.mocks = List.copyOf(mocks);
        this.expectations = List.copyOf(expectations);
    }

    /** The case's {@code name}, unique in its file. */
    public String name() {
        return name;
    }

    /** The test file the case is written in. */
    public Path file() {
        return file;
    }

    /** Where the case starts in its file (file, JSON pointer such as {@code /cases/2}, line and column). */
    SourceLocation location() {
        return location;
    }

    /** The definition file the case runs (ASL file, template, or {@code cdk.out}). */
    public Path definition() {
        return machine.definition();
    }

    @Override
    public String toString() {
        return location.describe() + " " + name;
    }
}
