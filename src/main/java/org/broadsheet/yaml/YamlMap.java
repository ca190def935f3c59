package org.broadsheet.yaml;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.broadsheet.problem.Problem;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read through our schema: each getter names the type it expects and reports a problem
 * (with the value's line and column) when the value has another shape. Absent and null values are empty.
 * Not thread-safe; one reader per file.
 */
public final class YamlMap {
    /** Digits with an optional sign, however many: a number too large is out of range, not "not a number". */
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    /** The widest whole numbers read: nine digits, so that no value overflows an int. */
    static final int LARGEST_INTEGER = 999_999_999;
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Path file;
    private final int firstLine;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Node node;

    YamlMap(Path file, int firstLine, MappingNode mapping) {
        this.file = file;
        this.firstLine = firstLine;
        this.node = mapping;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.putIfAbsent(key.getValue(), tuple);
            }
        }
    }

    private YamlMap(Path file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
        this.node = null;
    }

    static YamlMap empty(Path file, int firstLine) {
        return new YamlMap(file, firstLine);
    }

    public Path file() {
        return file;
    }

    /** Problems found by the getters so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean has(String key) {
        return value(key).isPresent();
    }

    /** Line of the key, or of the mapping itself when the key is absent. */
    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple != null) {
            return lineOf(tuple.getKeyNode(), firstLine);
        }
        return node == null ? firstLine : lineOf(node, firstLine);
    }

    public int columnOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? 0 : columnOf(tuple.getKeyNode());
    }

    public Optional<String> string(String key) {
        return value(key).flatMap(value -> {
            if (value instanceof ScalarNode scalar) {
                return Optional.of(scalar.getValue());
            }
            return wrongType(key, value, "a text value", "write it on one line after the colon");
        });
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /**
     * A whole number of at most nine digits, for keys whose range the caller checks against something else
     * (the page folder, the issue). Text is told it is no whole number; a number too large, the range.
     */
    public Optional<Integer> integer(String key) {
        return integer(key, -LARGEST_INTEGER, LARGEST_INTEGER, false, "write digits only, e.g. " + key + ": 6");
    }

    /** A whole number from {@code min} to {@code max}; anything else is told the range. */
    public Optional<Integer> integer(String key, int min, int max, int example) {
        return integer(key, min, max, true, "e.g. " + key + ": " + example);
    }

    private Optional<Integer> integer(String key, int min, int max, boolean rangeToText, String hint) {
        return value(key).flatMap(value -> {
            OptionalLong number = wholeNumber(value);
            if (number.isPresent() && number.getAsLong() >= min && number.getAsLong() <= max) {
                return Optional.of((int) number.getAsLong());
            }
            String range = number.isPresent() || rangeToText ? " from " + min + " to " + max : "";
            return wrongType(key, value, "a whole number" + range, hint);
        });
    }

    public Optional<Boolean> bool(String key) {
        return value(key).flatMap(value -> {
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
            }
            return wrongType(key, value, "true or false", "write " + key + ": true");
        });
    }

    public Optional<LocalDate> date(String key) {
        return value(key).flatMap(value -> {
            if (value instanceof ScalarNode scalar && DATE.matcher(scalar.getValue().trim()).matches()) {
                try {
                    return Optional.of(LocalDate.parse(scalar.getValue().trim()));
                } catch (DateTimeParseException e) {
                    return wrongType(key, value, "a real calendar date", "check the month and day");
                }
            }
            return wrongType(key, value, "a date YYYY-MM-DD", "e.g. " + key + ": 2025-12-12");
        });
    }

    /** A list of text values; a single text value is accepted as a list of one. */
    public List<String> stringList(String key) {
        Optional<Node> found = value(key);
        if (found.isEmpty()) {
            return List.of();
        }
        Node value = found.get();
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (value instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
                    items.add(scalar.getValue());
                } else if (!(item instanceof ScalarNode)) {
                    wrongType(key, item, "a list of text values", "write [a, b] or one '- item' per line");
                }
            }
            return List.copyOf(items);
        }
        wrongType(key, value, "a list", "write [a, b] or one '- item' per line");
        return List.of();
    }

    /** A list of whole numbers, e.g. an article's area on the page scan. */
    public List<Double> numberList(String key) {
        Optional<Node> found = value(key);
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.get() instanceof SequenceNode sequence) {
            List<Double> numbers = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                try {
                    numbers.add(Double.parseDouble(((ScalarNode) item).getValue()));
                } catch (RuntimeException e) {
                    wrongType(key, item, "a number", "write digits, e.g. 12.5");
                    return List.of();
                }
            }
            return List.copyOf(numbers);
        }
        wrongType(key, found.get(), "a list of numbers", "write [x, y, w, h]");
        return List.of();
    }

    /** A nested mapping, or empty when absent. */
    public Optional<YamlMap> map(String key) {
        return value(key).flatMap(value -> {
            if (value instanceof MappingNode mapping) {
                return Optional.of(new YamlMap(file, firstLine, mapping));
            }
            return wrongType(key, value, "keys and values", "indent 'name: value' lines under " + key + ":");
        });
    }

    /** A list of mappings, e.g. site.yml's bureau entries. */
    public List<YamlMap> mapList(String key) {
        Optional<Node> found = value(key);
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.get() instanceof SequenceNode sequence) {
            List<YamlMap> maps = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping) {
                    maps.add(new YamlMap(file, firstLine, mapping));
                } else {
                    wrongType(key, item, "a list of mappings", "start each entry with '- name: …'");
                }
            }
            return List.copyOf(maps);
        }
        wrongType(key, found.get(), "a list", "start each entry with '- name: …'");
        return List.of();
    }

    /** Keys and text values of a mapping, in file order (e.g. editors: 责任编辑: 钱虹). */
    public Map<String, String> stringMap(String key) {
        Optional<YamlMap> nested = map(key);
        if (nested.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : nested.get().keys()) {
            nested.get().string(name).ifPresent(text -> result.put(name, text));
        }
        problems.addAll(nested.get().problems());
        return result;
    }

    /** Plain data for templates: text, lists and maps only, never constructed objects. */
    public Map<String, Object> plainData(String key) {
        Optional<Node> found = value(key);
        if (found.isEmpty()) {
            return Map.of();
        }
        if (found.get() instanceof MappingNode mapping) {
            return plainMap(mapping);
        }
        wrongType(key, found.get(), "keys and values", "indent 'name: value' lines under " + key + ":");
        return Map.of();
    }

    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Reports every key not in {@code known}, with the closest known key as a hint. */
    public void rejectUnknownKeys(Collection<String> known, String what) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                Node keyNode = entry.getValue().getKeyNode();
                String hint = ClosestWord.among(entry.getKey(), known)
                        .map(close -> "did you mean '" + close + "'?")
                        .orElse("known keys: " + String.join(", ", known.stream().sorted().toList()));
                problems.add(Problem.error(file, lineOf(keyNode, firstLine), columnOf(keyNode),
                        "unknown key '" + entry.getKey() + "' in " + what, hint));
            }
        }
    }

    /** Lets schema readers add their own problems at a key's position. */
    public void report(String key, String message, String hint) {
        problems.add(Problem.error(file, lineOf(key), columnOf(key), message, hint));
    }

    private Optional<Node> value(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The value of signed digits, quoted or not; beyond a long's reach it is clamped, which no range admits. */
    private static OptionalLong wholeNumber(Node value) {
        if (!(value instanceof ScalarNode scalar)) {
            return OptionalLong.empty();
        }
        String text = scalar.getValue().trim();
        if (!INTEGER.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        boolean negative = text.charAt(0) == '-';
        int start = negative || text.charAt(0) == '+' ? 1 : 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        String digits = text.substring(start);
        if (digits.length() > 18) {
            return OptionalLong.of(negative ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        long magnitude = Long.parseLong(digits);
        return OptionalLong.of(negative ? -magnitude : magnitude);
    }

    private <T> Optional<T> wrongType(String key, Node value, String expected, String hint) {
        problems.add(Problem.error(file, lineOf(value, firstLine), columnOf(value),
                "'" + key + "' must be " + expected, hint));
        return Optional.empty();
    }

    private static Map<String, Object> plainMap(MappingNode mapping) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                result.putIfAbsent(key.getValue(), plain(tuple.getValueNode()));
            }
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    private static Object plain(Node node) {
        if (node instanceof MappingNode mapping) {
            return plainMap(mapping);
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(YamlMap::plain).toList();
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
    }

    static int lineOf(Node node, int firstLine) {
        return node.getStartMark().map(mark -> mark.getLine() + firstLine).orElse(firstLine);
    }

    static int columnOf(Node node) {
        return node.getStartMark().map(mark -> mark.getColumn() + 1).orElse(0);
    }
}
