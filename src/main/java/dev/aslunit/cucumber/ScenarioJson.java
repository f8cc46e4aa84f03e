package dev.aslunit.cucumber;

import dev.aslunit.internal.json.JsonReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import io.cucumber.datatable.DataTable;
import java.util.List;

/** JSON from DocStrings and table cells, with errors that say which scenario and step to fix. */
final class ScenarioJson {

    private ScenarioJson() {
    }

    static JsonNode parse(String text, String where) {
        try {
            JsonNode node = Json.parse(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("The DocString of " + where + " is empty; write the JSON"
                        + " between the \"\"\"json lines.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The DocString of " + where + " is not valid JSON ("
                    + JsonReading.problem(e) + ")", e);
        }
    }

    /**
     * A table cell: JSON when it reads as JSON ({@code 5000}, {@code true}, {@code {"a": 1}},
     * {@code "5000"}), otherwise the text itself.
     */
    static JsonNode cell(String text) {
        if (text == null) {
            return Json.nodes().nullNode();
        }
        try {
            JsonNode node = Json.parse(text);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // plain text, as a reader of the feature file expects
        }
        return Json.nodes().textNode(text);
    }

    /** A two-column table of {@code field | value} as one JSON object. */
    static ObjectNode object(DataTable table, String where) {
        ObjectNode out = Json.nodes().objectNode();
        for (List<String> row : table.asLists()) {
            if (row.size() != 2) {
                throw new IllegalArgumentException("The table of " + where + " must have two columns,"
                        + " | field | value |, but a row has " + row.size() + ": " + row);
            }
            out.set(row.get(0), cell(row.get(1)));
        }
        return out;
    }
}
