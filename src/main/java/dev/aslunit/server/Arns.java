package dev.aslunit.server;

/**
 * The ARNs the server hands out and accepts, in AWS's formats:
 * {@code arn:aws:states:<region>:<account>:stateMachine:<name>},
 * {@code ...:execution:<machine>:<name>} (STANDARD), {@code ...:express:<machine>:<name>:<id>} (EXPRESS,
 * made by the engine) and {@code ...:activity:<name>}.
 */
final class Arns {

    private final String prefix;

    Arns(String region, String accountId) {
        this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
    }

    String stateMachine(String name) {
        return prefix + "stateMachine:" + name;
    }

    String execution(String machine, String name) {
        return prefix + "execution:" + machine + ":" + name;
    }

    String activity(String name) {
        return prefix + "activity:" + name;
    }

    /** The name in a state machine ARN, ignoring a Step Functions Local {@code #TestCase} suffix. */
    String stateMachineName(String arn) {
        String rest = resource(arn, "stateMachine");
        int hash = rest.indexOf('#');
        String name = hash < 0 ? rest : rest.substring(0, hash);
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw ApiException.invalidArn(arn);
        }
        return name;
    }

    /** The Step Functions Local test case after {@code #}, or {@code null}. */
    static String testCase(String stateMachineArn) {
        int hash = stateMachineArn.indexOf('#');
        return hash < 0 ? null : stateMachineArn.substring(hash + 1);
    }

    String activityName(String arn) {
        String name = resource(arn, "activity");
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw ApiException.invalidArn(arn);
        }
        return name;
    }

    /** Checks that {@code arn} is an execution ARN of this server's region and account. */
    void checkExecution(String arn) {
        if (!arn.startsWith(prefix)) {
            throw ApiException.invalidArn(arn);
        }
        String rest = arn.substring(prefix.length());
        if (!rest.startsWith("execution:") && !rest.startsWith("express:")) {
            throw ApiException.invalidArn(arn, "Resource type not valid in this context");
        }
    }

    private String resource(String arn, String type) {
        if (!arn.startsWith("arn:aws:states:") || arn.split(":", -1).length < 7) {
            throw ApiException.invalidArn(arn);
        }
        if (!arn.startsWith(prefix)) {
            throw ApiException.invalidArn(arn);
        }
        String rest = arn.substring(prefix.length());
        if (!rest.startsWith(type + ":")) {
            throw ApiException.invalidArn(arn, "Resource type not valid in this context");
        }
        return rest.substring(type.length() + 1);
    }

    /**
     * AWS's naming rule for state machines, executions and activities: 1 to 80 characters, no
     * whitespace, brackets, wildcards, special or control characters.
     */
    static void checkName(String name) {
        if (name.isEmpty() || name.length() > 80) {
            throw ApiException.invalidName(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || (c >= 0x7F && c <= 0x9F)
                    || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0) {
                throw ApiException.invalidName(name);
            }
        }
    }
}
