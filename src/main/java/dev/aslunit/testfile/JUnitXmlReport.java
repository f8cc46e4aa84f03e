package dev.aslunit.testfile;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A run as Ant/Surefire JUnit XML, the format GitLab, Jenkins, Azure Pipelines and the GitHub
 * test-report actions read: one {@code testsuite} per test file, one {@code testcase} per case; a
 * case whose expectation did not hold is a {@code failure}, one that could not run (and a file with
 * mistakes) an {@code error}.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static String render(TestRun run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "aslunit");
            long failures = run.count(CaseResult.Outcome.FAILED);
            long errors = run.count(CaseResult.Outcome.ERROR) + run.unreadableFiles();
            long tests = run.files().stream().mapToLong(f -> f.problem() != null ? 1 : f.cases().size()).sum();
            xml.writeAttribute("tests", Long.toString(tests));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeAttribute("time", seconds(run.files().stream().flatMap(f -> f.cases().stream())
                    .mapToLong(CaseResult::millis).sum()));
            xml.writeCharacters("\n");
            for (FileResult file : run.files()) {
                suite(xml, file);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void suite(XMLStreamWriter xml, FileResult file) throws XMLStreamException {
        String name = Paths.shown(file.file());
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        boolean unreadable = file.problem() != null;
        xml.writeAttribute("tests", Integer.toString(unreadable ? 1 : file.cases().size()));
        xml.writeAttribute("failures", Long.toString(count(file, CaseResult.Outcome.FAILED)));
        xml.writeAttribute("errors", Long.toString(unreadable ? 1 : count(file, CaseResult.Outcome.ERROR)));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(file.cases().stream().mapToLong(CaseResult::millis).sum()));
        xml.writeCharacters("\n");
        if (unreadable) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", "(the test file)");
            xml.writeAttribute("classname", className(name));
            xml.writeAttribute("time", "0");
            outcome(xml, "error", "The test file has mistakes", file.problem().getMessage());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (CaseResult c : file.cases()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean(c.testCase().name()));
            xml.writeAttribute("classname", className(name));
            xml.writeAttribute("time", seconds(c.millis()));
            if (c.outcome() != CaseResult.Outcome.PASSED) {
                String message = c.message() == null ? "" : c.message();
                outcome(xml, c.outcome() == CaseResult.Outcome.FAILED ? "failure" : "error",
                        message.lines().findFirst().orElse(""), message);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void outcome(XMLStreamWriter xml, String element, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(message));
        xml.writeAttribute("type", element.equals("failure") ? "AssertionError" : "TestFileError");
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static long count(FileResult file, CaseResult.Outcome outcome) {
        return file.cases().stream().filter(c -> c.outcome() == outcome).count();
    }

    /** {@code examples/orders/orders.aslunit.yaml} as a class name CI tools group by: {@code examples.orders.orders}. */
    static String className(String file) {
        String name = file;
        for (String ending : TestFileReader.FILE_ENDINGS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ending)) {
                name = name.substring(0, name.length() - ending.length());
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot > name.lastIndexOf('/')) {
            name = name.substring(0, dot);
        }
        return name.replaceAll("^/+", "").replace('/', '.');
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 allows no control characters but tab, newline and carriage return. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
