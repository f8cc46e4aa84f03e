package dev.aslunit.internal.validation;

import dev.aslunit.internal.json.Json;
import static dev.aslunit.internal.definition.DefinitionReader.escape;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.QueryLanguage;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A Task's {@code Credentials}: the role the execution role assumes for the task (developer guide,
 * "Task workflow state"), {@code {"RoleArn": "arn:aws:iam::111122223333:role/Name"}}, or in JSONPath
 * {@code {"RoleArn.$": "$.role"}}. AWS refuses an empty object, another field, or a role that is not
 * an IAM role ARN.
 */
final class TaskCredentials {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private TaskCredentials() {
    }

    static void check(JsonNode credentials, String p, QueryLanguage ql, ExpressionChecks expressions,
            ExpressionChecks.Sink sink) {
        if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(credentials)) {
            expressions.jsonataTemplate(credentials, p);
            return;
        }
        if (!credentials.isObject()) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "Credentials must be an object with \"RoleArn\", not "
                    + Json.describe(credentials));
            return;
        }
        boolean jsonPath = ql == QueryLanguage.JSONPATH;
        int roles = 0;
        for (Iterator<String> it = credentials.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            String fp = p + "/" + escape(field);
            JsonNode value = credentials.get(field);
            if (field.equals("RoleArn")) {
                roles++;
                roleArn(value, fp, ql, expressions, sink);
            } else if (field.equals("RoleArn.$") && jsonPath) {
                roles++;
                expressions.pathOrIntrinsic(value, fp, field);
            } else {
                sink.report(SCHEMA_VALIDATION_FAILED, p, fp, "The field \"" + field + "\" is not supported in "
                        + "Credentials; it holds only " + (jsonPath ? "\"RoleArn\" or \"RoleArn.$\"" : "\"RoleArn\""));
            }
        }
        if (roles == 0) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "Credentials needs \"RoleArn\""
                    + (jsonPath ? " (or \"RoleArn.$\")" : "") + ": the IAM role the task runs as");
        } else if (roles > 1) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "\"RoleArn\" and \"RoleArn.$\" are mutually exclusive; keep one");
        }
    }

    private static void roleArn(JsonNode value, String p, QueryLanguage ql, ExpressionChecks expressions,
            ExpressionChecks.Sink sink) {
        if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(value)) {
            expressions.jsonataTemplate(value, p);
            return;
        }
        if (!value.isTextual()) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "RoleArn must be an IAM role ARN string, not "
                    + Json.describe(value));
            return;
        }
        String arn = value.asText();
        if (!arn.contains("${") && !ROLE_ARN.matcher(arn).matches()) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "RoleArn must be an IAM role ARN such as "
                    + "\"arn:aws:iam::111122223333:role/TaskRole\", not \"" + arn + "\"");
        }
    }
}
