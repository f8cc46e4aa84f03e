package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.SucceedState;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.Transition;
import dev.aslunit.internal.definition.WaitState;
import dev.aslunit.internal.jsonata.JsonataAssign;
import dev.aslunit.internal.jsonata.JsonataSyntaxException;
import dev.aslunit.internal.jsonata.JsonataTemplate;
import dev.aslunit.internal.path.ChoiceRuleEvaluator;
import dev.aslunit.internal.path.PathEvaluationException;
import dev.aslunit.internal.path.PathSyntaxException;
import dev.aslunit.internal.path.PayloadTemplate;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.ResultPath;
import dev.aslunit.internal.path.ValueExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a definition into steps: every path, template and expression once, problems collected.
 * It walks the machines, dispatches each state by its type to its query language's
 * {@link StateCompiler} ({@link PathCompiler}, {@link AtaCompiler}), links the transitions and
 * compiles Retry and Catch.
 */
final class Compiler {

    /** Where compilation is, and what it found wrong. */
    static final class Context {
        final List<DefinitionException.Problem> problems = new ArrayList<>();
        String where = "";

        void problem(String field, String message) {
            // A ${Name} the loader was allowed to leave opaque: the value is needed to run, so say how to give it.
            problems.add(new DefinitionException.Problem(where + "/" + field, message + (message.contains("\"${")
                    ? "; the placeholder has no value: give it one (CLI: --substitution NAME=VALUE) or mock the state"
                    : "")));
        }

        ReferencePath path(String field, String text) {
            if (text == null) {
                return null;
            }
            try {
                return ReferencePath.compile(text);
            } catch (PathSyntaxException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        PayloadTemplate template(String field, JsonNode template) {
            if (template == null) {
                return null;
            }
            try {
                return PayloadTemplate.compile(template);
            } catch (PathSyntaxException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        ResultPath resultPath(String field, String text) {
            if ("$".equals(text)) {
                return null;
            }
            try {
                return ResultPath.compile(text);
            } catch (PathSyntaxException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        ChoiceStep.Condition condition(ChoiceRule rule) {
            try {
                ChoiceRuleEvaluator evaluator = ChoiceRuleEvaluator.compile(rule);
                return scope -> {
                    try {
                        return evaluator.test(scope);
                    } catch (PathEvaluationException e) {
                        throw PathFlow.failure(scope, e);
                    }
                };
            } catch (PathSyntaxException e) {
                String placeholder = OpaqueValue.in(rule);
                if (placeholder != null) {
                    return scope -> {
                        throw OpaqueValue.unknown(scope, "Choices", placeholder);
                    };
                }
                problem("Choices", e.getMessage());
                return scope -> false;
            }
        }

        JsonataTemplate ata(String field, JsonNode value) {
            if (value == null) {
                return null;
            }
            try {
                return JsonataTemplate.compile(value, field);
            } catch (JsonataSyntaxException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        JsonataAssign ataAssign(String location, JsonNode assign) {
            if (assign == null) {
                return null;
            }
            try {
                return JsonataAssign.compile(assign, location);
            } catch (IllegalArgumentException e) {
                problem(location, e.getMessage());
                return null;
            }
        }

        ValueExpression value(String field, String text) {
            if (text == null) {
                return null;
            }
            try {
                return ValueExpression.compile(text);
            } catch (PathSyntaxException e) {
                problem(field, e.getMessage());
                return null;
            }
        }
    }

    private final Context c = new Context();
    private final PathCompiler path = new PathCompiler(c, this);
    private final AtaCompiler ata = new AtaCompiler(c, this);

    static CompiledMachine compile(StateMachineDefinition definition) {
        Compiler compiler = new Compiler();
        CompiledMachine machine = compiler.machine(definition, "");
        if (!compiler.c.problems.isEmpty()) {
            throw new DefinitionException(compiler.c.problems);
        }
        return machine;
    }

    CompiledMachine machine(StateMachineDefinition definition, String pointer) {
        Map<String, Step> steps = new LinkedHashMap<>();
        Map<String, State> states = definition.states();
        for (State s : states.values()) {
            c.where = s.location() != null ? s.location().pointer() : pointer + "/States/" + s.name();
            Step step = step(s);
            if (step != null) {
                steps.put(s.name(), step);
            }
        }
        for (State s : states.values()) {
            c.where = s.location() != null ? s.location().pointer() : pointer + "/States/" + s.name();
            Step step = steps.get(s.name());
            if (step != null) {
                link(step, s, steps);
            }
        }
        Step start = steps.get(definition.startAt());
        if (start == null) {
            c.where = pointer;
            c.problem("StartAt", "no state named \"" + definition.startAt() + "\"");
        }
        return new CompiledMachine(steps, start);
    }

    private void link(Step step, State s, Map<String, Step> steps) {
        Transition t = s.transition();
        if (t != null) {
            Step next = t.end() ? null : target(steps, "Next", t.next());
            step.link(next, t.end());
        }
        if (step instanceof ChoiceStep) {
            ChoiceStep choice = (ChoiceStep) step;
            for (ChoiceStep.Branch b : choice.branches()) {
                b.next = target(steps, "Choices/Next", b.nextName);
            }
            if (choice.defaultName() != null) {
                choice.linkDefault(target(steps, "Default", choice.defaultName()));
            }
        }
        Recovery recovery = step instanceof TaskStep ? ((TaskStep) step).recovery
                : step instanceof ParallelStep ? ((ParallelStep) step).recovery
                : step instanceof MapStep ? ((MapStep) step).recovery : null;
        if (recovery != null) {
            for (Recovery.Catch k : recovery.catchers) {
                k.next = target(steps, "Catch/Next", k.nextName);
            }
        }
    }

    private Step target(Map<String, Step> steps, String field, String name) {
        Step s = name == null ? null : steps.get(name);
        if (s == null) {
            c.problem(field, "no state named \"" + name + "\" to go to");
        }
        return s;
    }

    private Step step(State s) {
        StateCompiler language = s.queryLanguage() == QueryLanguage.JSONATA ? ata : path;
        if (s instanceof PassState p) {
            return language.pass(p);
        }
        if (s instanceof TaskState t) {
            return language.task(t);
        }
        if (s instanceof ChoiceState ch) {
            return language.choice(ch);
        }
        if (s instanceof WaitState w) {
            return language.pause(w);
        }
        if (s instanceof SucceedState p) {
            return language.succeed(p);
        }
        if (s instanceof FailState f) {
            return language.fail(f);
        }
        if (s instanceof ParallelState p) {
            List<CompiledMachine> branches = new ArrayList<>();
            String where = c.where;
            for (int i = 0; i < p.branches().size(); i++) {
                branches.add(machine(p.branches().get(i), where + "/Branches/" + i));
            }
            c.where = where;
            return language.parallel(p, branches);
        }
        return language.map((MapState) s);
    }

    Recovery recovery(List<dev.aslunit.internal.definition.Retrier> retriers, List<Catcher> catchers) {
        return recovery(retriers, catchers, false);
    }

    /** Retry and Catch; a JSONata state's catchers take {@code Output}, a JSONPath state's {@code ResultPath}. */
    Recovery recovery(List<dev.aslunit.internal.definition.Retrier> retriers, List<Catcher> catchers, boolean jsonata) {
        if (retriers.isEmpty() && catchers.isEmpty()) {
            return new Recovery(List.of(), List.of());
        }
        List<Recovery.Catch> out = new ArrayList<>();
        for (Catcher k : catchers) {
            if (jsonata) {
                out.add(new Recovery.Catch(k.errorEquals(), k.next(), AtaCompiler.catchFlow(c, k)));
                continue;
            }
            ResultPath rp = c.resultPath("Catch/ResultPath", k.resultPath());
            PayloadTemplate assign = c.template("Catch/Assign", k.assign());
            out.add(new Recovery.Catch(k.errorEquals(), k.next(), new Recovery.CatchFlow() {
                @Override
                public JsonNode output(Scope scope, JsonNode errorOutput) {
                    try {
                        return rp == null ? errorOutput : rp.apply(scope.state.input, errorOutput);
                    } catch (PathEvaluationException e) {
                        throw PathFlow.failure(scope, e);
                    }
                }

                @Override
                public Map<String, JsonNode> assign(Scope scope, JsonNode errorOutput) {
                    try {
                        return assign == null ? null : PathFlow.fields(assign.evaluate(scope.at(errorOutput)));
                    } catch (PathEvaluationException e) {
                        throw PathFlow.failure(scope, e);
                    }
                }
            }));
        }
        return new Recovery(retriers, out);
    }
}
