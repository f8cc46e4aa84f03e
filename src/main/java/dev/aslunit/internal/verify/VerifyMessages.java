package dev.aslunit.internal.verify;

import java.util.List;

/** The texts of a verification that failed: each difference with ASLUnit's answer and the endpoint's side by side. */
final class VerifyMessages {

    private VerifyMessages() {
    }

    static String header(String endpoint, String workflow) {
        return "Verify on AWS: " + workflow + " answered otherwise on " + endpoint + " (TestState) than on ASLUnit.";
    }

    static String differences(StateCall call, List<Answer.Difference> differences) {
        StringBuilder text = new StringBuilder();
        for (Answer.Difference d : differences) {
            text.append("\n\nExpecting ").append(d.field()).append(" of ").append(quoted(call))
                    .append(" in execution \"").append(call.execution()).append("\" to be the same on both sides:")
                    .append("\n  ASLUnit:  ").append(shown(d.aslunit()))
                    .append("\n  endpoint: ").append(shown(d.endpoint()));
        }
        text.append("\nwith input ").append(call.input());
        if (call.mocked()) {
            text.append(" and the mock's ").append(call.mockResult() != null ? "result " + call.mockResult()
                    : "error " + call.mockError() + (call.mockCause() == null ? "" : " (" + call.mockCause() + ")"));
        }
        if (call.retrierRetryCount() != null) {
            text.append(", retrierRetryCount ").append(call.retrierRetryCount());
        }
        return text.toString();
    }

    static String refused(StateCall call, String message) {
        return "\n\nThe endpoint refused the TestState request for " + quoted(call) + " in execution \""
                + call.execution() + "\":\n  " + message;
    }

    /** {@code state "Charge" (attempt 2 of 3)} */
    private static String quoted(StateCall call) {
        return "state \"" + call.state() + "\"" + call.place().substring(call.state().length());
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
