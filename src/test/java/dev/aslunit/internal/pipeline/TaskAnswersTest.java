package dev.aslunit.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskAnswersTest {

    private static TaskInvocation call(String state, String token) {
        return new TaskInvocation(state, "arn:aws:states:::lambda:invoke", JsonNodeFactory.instance.objectNode(), 0, 0,
                token, Instant.EPOCH, "arn:aws:states:us-east-1:123456789012:execution:m:e");
    }

    private static TaskHandler answering(String state, String value, List<String> asked, String name) {
        return invocation -> {
            asked.add(name);
            return invocation.stateName().equals(state)
                    ? Optional.of(TaskOutcome.succeeded(JsonNodeFactory.instance.textNode(value))) : Optional.empty();
        };
    }

    @Test
    void the_first_link_that_answers_wins_and_later_links_are_not_asked() {
        List<String> asked = new ArrayList<>();
        TaskAnswers chain = TaskAnswers.of(answering("A", "mock", asked, "mocks"), null,
                answering("A", "file", asked, "file"), answering("B", "http", asked, "http"));

        assertThat(chain.answer(call("A", null))).get().isEqualTo(TaskOutcome.succeeded(JsonNodeFactory.instance.textNode("mock")));
        assertThat(asked).containsExactly("mocks");

        asked.clear();
        assertThat(chain.answer(call("B", null))).get().isEqualTo(TaskOutcome.succeeded(JsonNodeFactory.instance.textNode("http")));
        assertThat(asked).containsExactly("mocks", "file", "http");

        assertThat(chain.answer(call("C", null))).isEmpty();
    }

    @Test
    void a_token_task_nobody_answered_waits_for_its_callback_and_any_other_gets_no_answer() {
        TaskAnswers chain = TaskAnswers.of(TaskAnswers.AWAIT_CALLBACK);

        assertThat(chain.answer(call("Approve", "token-1"))).get().isInstanceOf(TaskOutcome.NoAnswer.class);
        assertThat(chain.answer(call("Charge", null))).isEmpty();
    }
}
