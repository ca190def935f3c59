package org.broadsheet.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads the shape nearly every front matter and settings file has, one {@code key: value} per line with
 * values that are one-line scalars or one-line lists of scalars ({@code tags: [劳动争议, 典型案例]}), or a
 * {@code key:} line over indented lines of the same kind ({@code editors:} in a page's settings), into the
 * very tree SnakeYAML Engine composes from it: the same node types, tags (resolved by the same resolver),
 * values, styles and start positions. Anything else, however ordinary (deeper nesting, a multi-line value,
 * a comment after a value, a ':' or '#' inside a value, a tab, a control character), is declined, and
 * {@link YamlParser} hands the text to SnakeYAML as before. Declining is always safe; accepting is checked
 * against SnakeYAML on generated documents ({@code FlatYamlTest}).
 *
 * <p>Why it exists: SnakeYAML's scanner, parser and composer were about 5% of a cold build's CPU at 100,000
 * articles, for documents of six short lines (bench/README.md, "Flat front matter without the YAML engine").
 * Only start marks are set, as only they are read ({@link YamlMap#lineOf}); end marks are empty.
 */
final class FlatYaml {
    /** Longer documents are rare and SnakeYAML's limits apply to them. */
    private static final int MAX_CHARS = 1 << 16;
    /** SnakeYAML refuses simple keys longer than 1,024 characters; ours stay far below. */
    private static final int MAX_KEY = 128;
    /** Characters that may not start a plain scalar (or mean something else there). */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final int[] NO_SNIPPET = new int[0];

    private final String text;
    private final String label;
    private final ScalarResolver resolver;
    private int line;
    private int lineStart;

    private FlatYaml(String text, String label, ScalarResolver resolver) {
        this.text = text;
        this.label = label;
        this.resolver = resolver;
    }

    /** The document's mapping when {@code text} has the flat shape; empty when SnakeYAML must read it. */
    static Optional<MappingNode> read(String text, String label, ScalarResolver resolver) {
        if (text.length() > MAX_CHARS || !printable(text)) {
            return Optional.empty();
        }
        return new FlatYaml(text, label, resolver).mapping();
    }

    /** Only characters SnakeYAML reads as themselves: no tab, CR, control, BOM, surrogate or special line break. */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 0x20 && c <= 0x7E || c == '\n' || c >= 0xA0 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
            if (!ok || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }

    private Optional<MappingNode> mapping() {
        List<NodeTuple> tuples = new ArrayList<>();
        Mark start = null;
        ScalarNode parent = null; // a "key:" line, until the first line of its mapping
        List<NodeTuple> nested = null; // the mapping under the last "key:" line, while its lines are read
        int indent = 0;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            lineStart = at;
            if (end > at && text.charAt(at) != '#') {
                int from = skipSpaces(at, end);
                if (from > at) {
                    if (parent != null) {
                        nested = new ArrayList<>();
                        indent = from - at;
                        tuples.add(new NodeTuple(parent, new MappingNode(Tag.MAP, true, nested, FlowStyle.BLOCK,
                                Optional.of(mark(from)), Optional.empty())));
                        parent = null;
                    }
                    NodeTuple tuple = nested == null || from - at != indent ? null : entry(from, end);
                    if (tuple == null) {
                        return Optional.empty();
                    }
                    nested.add(tuple);
                } else {
                    if (parent != null) {
                        return Optional.empty(); // "key:" with nothing under it is null; SnakeYAML says so
                    }
                    nested = null;
                    start = start == null ? mark(at) : start;
                    int colon = key(at, end);
                    if (colon == end - 1) {
                        parent = plain(at, colon);
                    } else {
                        NodeTuple tuple = entry(at, end);
                        if (tuple == null) {
                            return Optional.empty();
                        }
                        tuples.add(tuple);
                    }
                }
            }
            at = end + 1;
            line++;
        }
        if (tuples.isEmpty() || parent != null) {
            return Optional.empty();
        }
        return Optional.of(new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, Optional.of(start),
                Optional.empty()));
    }

    /** Where the plain key starting at {@code from} ends with ':' and a space or the line's end; else -1. */
    private int key(int from, int end) {
        int colon = text.indexOf(':', from);
        if (colon <= from || colon >= end || colon - from > MAX_KEY || colon + 1 < end && text.charAt(colon + 1) != ' '
                || !plainText(from, colon, false)) {
            return -1;
        }
        return colon;
    }

    /** One {@code key: value} line from {@code from} to {@code end}; null when it has another shape. */
    private NodeTuple entry(int from, int end) {
        int colon = key(from, end);
        if (colon < 0 || colon + 1 >= end) {
            return null;
        }
        int value = skipSpaces(colon + 1, end);
        if (value == end) {
            return null;
        }
        Node node = text.charAt(value) == '[' ? list(value, end) : scalar(value, end, false);
        return node == null ? null : new NodeTuple(plain(from, colon), node);
    }

    /** A flow list of scalars, {@code [a, b]}, ending the line; null otherwise. */
    private SequenceNode list(int open, int end) {
        if (text.charAt(end - 1) != ']') {
            return null;
        }
        List<Node> items = new ArrayList<>();
        int at = skipSpaces(open + 1, end);
        if (at == end - 1) {
            return sequence(open, items);
        }
        while (true) {
            int stop = at;
            char first = text.charAt(at);
            if (first == '"' || first == '\'') {
                stop = text.indexOf(first, at + 1);
                if (stop < 0 || stop >= end) {
                    return null;
                }
                stop++;
            } else {
                while (stop < end && ",[]{}:#".indexOf(text.charAt(stop)) < 0) {
                    stop++;
                }
                while (stop > at && text.charAt(stop - 1) == ' ') {
                    stop--;
                }
                if (stop == at) {
                    return null;
                }
            }
            Node item = scalar(at, stop, true);
            if (item == null) {
                return null;
            }
            items.add(item);
            int next = skipSpaces(stop, end);
            if (next == end - 1) {
                return sequence(open, items);
            }
            if (text.charAt(next) != ',') {
                return null;
            }
            at = skipSpaces(next + 1, end);
            if (at >= end - 1) {
                return null; // "[a, ]": a trailing comma is left to SnakeYAML
            }
        }
    }

    private SequenceNode sequence(int open, List<Node> items) {
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, Optional.of(mark(open)), Optional.empty());
    }

    /**
     * A scalar spanning exactly {@code from} to {@code to}: quoted without escapes or inner quotes, or plain
     * (no indicator first, no ':' or '#', no space last, and in a list none of ",[]{}"); null otherwise.
     */
    private ScalarNode scalar(int from, int to, boolean inList) {
        char first = text.charAt(from);
        if (first == '"' || first == '\'') {
            if (to - from < 2 || text.charAt(to - 1) != first) {
                return null;
            }
            for (int i = from + 1; i < to - 1; i++) {
                char c = text.charAt(i);
                if (c == first || c == '\\' && first == '"') {
                    return null;
                }
            }
            String value = text.substring(from + 1, to - 1);
            return new ScalarNode(resolver.resolve(value, false), true, value,
                    first == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED, Optional.of(mark(from)),
                    Optional.empty());
        }
        return plainText(from, to, inList) ? plain(from, to) : null;
    }

    private boolean plainText(int from, int to, boolean inList) {
        char first = text.charAt(from);
        if (INDICATORS.indexOf(first) >= 0 || first == ' ' || text.charAt(to - 1) == ' ') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '#' || inList && ",[]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private ScalarNode plain(int from, int to) {
        String value = text.substring(from, to);
        return new ScalarNode(resolver.resolve(value, true), true, value, ScalarStyle.PLAIN, Optional.of(mark(from)),
                Optional.empty());
    }

    private int skipSpaces(int at, int end) {
        while (at < end && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /** Where {@code index} is: SnakeYAML counts lines and columns from 0, and code points (here, chars). */
    private Mark mark(int index) {
        return new Mark(label, index, line, index - lineStart, NO_SNIPPET, 0);
    }
}
