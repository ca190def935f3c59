package org.broadsheet.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.problem.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML into a node tree with positions, never into Java objects: values are typed later by our own
 * schema ({@link YamlMap}), so YAML 1.1 guesses ({@code no} → false) and object-constructing tags never
 * apply. Duplicate keys, custom tags, deep nesting and alias bombs are reported as problems.
 */
public final class YamlParser {
    static final int MAX_CODE_POINTS = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_ALIASES = 20;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MAP,
            Tag.SEQ);

    private YamlParser() {
    }

    /**
     * The outcome of a parse: the root mapping (possibly empty) unless the document was refused, and every
     * problem found on the way. A duplicate key refuses nothing: the first of the two is read, so that the
     * file's other mistakes are found in the same build. Callers must therefore report {@code problems}
     * whether or not there is a root.
     */
    public record Result(Optional<YamlMap> root, List<Problem> problems) {
    }

    /**
     * Built once: building the settings and the schema's resolvers for each of 100,000 files showed up in
     * profiles. Immutable, so shared by every thread. Problems name the file themselves, so no label is set.
     */
    static final LoadSettings SETTINGS = LoadSettings.builder()
            .setCodePointLimit(MAX_CODE_POINTS)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(true) // we report duplicates ourselves, naming both lines
            // YAML 1.2 core schema: ~ and null are null, only true/false are booleans ("no" stays text).
            .setSchema(new SharedCoreSchema())
            .build();
    private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();

    /**
     * The core schema with one scalar resolver for every document: {@code CoreSchema} makes a new one, tables and
     * all, for each composer. A resolver only reads its tables once they are made, so threads can share it.
     */
    private static final class SharedCoreSchema extends CoreSchema {
        private final ScalarResolver resolver = super.getScalarResolver();

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }

    /**
     * Parses {@code text} (from {@code file}) whose first line is line {@code firstLine} of the file, and
     * expects a mapping at the top. An empty document is an empty mapping.
     */
    public static Result parseMapping(Path file, String text, int firstLine) {
        List<Problem> problems = new ArrayList<>();
        Optional<Node> root = FlatYaml.read(text, SETTINGS.getLabel(), RESOLVER).map(Node.class::cast);
        if (root.isEmpty()) {
            root = compose(file, text, firstLine, problems);
            if (!problems.isEmpty()) {
                return new Result(Optional.empty(), problems);
            }
        }
        if (root.isEmpty()) {
            return new Result(Optional.of(YamlMap.empty(file, firstLine)), problems);
        }
        Node node = root.get();
        TreeCheck check = new TreeCheck(file, firstLine);
        check.walk(node, 1);
        problems.addAll(check.problems);
        if (check.refused) {
            return new Result(Optional.empty(), problems);
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return new Result(Optional.of(YamlMap.empty(file, firstLine)), problems);
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(Problem.error(file, YamlMap.lineOf(node, firstLine), YamlMap.columnOf(node),
                    "expected keys and values (a YAML mapping)", "write one 'key: value' per line"));
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new YamlMap(file, firstLine, mapping)), problems);
    }

    /**
     * SnakeYAML's tree of {@code text}, empty for an empty document. A text it refuses adds its problem to
     * {@code problems}, and nothing else does.
     */
    private static Optional<Node> compose(Path file, String text, int firstLine, List<Problem> problems) {
        try {
            ShallowEvents events = ShallowEvents.read(SETTINGS, text, MAX_DEPTH);
            if (events.tooDeep().isPresent()) {
                Optional<Mark> mark = events.tooDeep().get().getStartMark();
                problems.add(tooDeep(file, mark.map(m -> m.getLine() + firstLine).orElse(firstLine),
                        mark.map(m -> m.getColumn() + 1).orElse(0)));
                return Optional.empty();
            }
            return new Composer(SETTINGS, events.replay()).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? firstLine : mark.getLine() + firstLine;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            problems.add(Problem.error(file, line, column, "invalid YAML: " + firstLineOf(e.getProblem()),
                    "check indentation, and quote values that contain ': ' or start with a quote or bracket"));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(Problem.error(file, firstLine, 0, "invalid YAML: " + firstLineOf(e.getMessage()),
                    "keep the YAML small and simple: no anchors reused many times, no huge documents"));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // snakeyaml-engine rejects some malformed tags (e.g. "!!a%20b") this way rather than with a
            // marked exception; found by fuzzing.
            problems.add(Problem.error(file, firstLine, 0, "invalid YAML: " + firstLineOf(e.getMessage()),
                    "remove the '!' tag"));
            return Optional.empty();
        }
    }

    /**
     * One walk over a composed tree. Tags, depth, self-reference and keys that are not plain words refuse the
     * document (its values must not be read); a duplicate key is only reported, since {@link YamlMap} reads
     * the first of the two and the rest of the file can still be checked.
     */
    private static final class TreeCheck {
        private final Path file;
        private final int firstLine;
        private final List<Problem> problems = new ArrayList<>();
        private final Set<Node> checked = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean refused;

        TreeCheck(Path file, int firstLine) {
            this.file = file;
            this.firstLine = firstLine;
        }

        /**
         * Walks the tree once: an alias points at a node already seen, which is checked only once (so an
         * alias bomb costs nothing here), and a node that contains itself is refused, since it has no finite
         * value.
         */
        void walk(Node node, int depth) {
            if (onPath.contains(node)) {
                refuse(node, "YAML alias refers to itself", "remove the '*' reference to the anchor it sits in");
                return;
            }
            if (!checked.add(node)) {
                return;
            }
            // ShallowEvents has refused deeper documents already; this keeps the walk itself bounded.
            if (depth > MAX_DEPTH) {
                problems.add(tooDeep(file, YamlMap.lineOf(node, firstLine), YamlMap.columnOf(node)));
                refused = true;
                return;
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                refuse(node, "YAML tag " + node.getTag().getValue() + " is not allowed", "remove the '!' tag");
                return;
            }
            onPath.add(node);
            if (node instanceof MappingNode mapping) {
                Map<String, Node> seen = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node key = tuple.getKeyNode();
                    if (key instanceof ScalarNode scalarKey) {
                        Node previous = seen.putIfAbsent(scalarKey.getValue(), key);
                        if (previous != null) {
                            report(key, "duplicate key '" + scalarKey.getValue() + "' (first on line "
                                    + YamlMap.lineOf(previous, firstLine) + ")", "keep one of the two");
                        }
                    } else {
                        refuse(key, "a key must be a plain word", "write 'key: value'");
                    }
                    walk(tuple.getValueNode(), depth + 1);
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    walk(item, depth + 1);
                }
            }
            onPath.remove(node);
        }

        private void refuse(Node node, String message, String hint) {
            report(node, message, hint);
            refused = true;
        }

        private void report(Node node, String message, String hint) {
            problems.add(Problem.error(file, YamlMap.lineOf(node, firstLine), YamlMap.columnOf(node), message,
                    hint));
        }
    }

    private static Problem tooDeep(Path file, int line, int column) {
        return Problem.error(file, line, column, "YAML nested more than " + MAX_DEPTH + " levels deep",
                "flatten the structure");
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
