package org.broadsheet.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** The flat reader gives SnakeYAML's own tree for every document it accepts, and declines the rest. */
class FlatYamlTest {
    private static Optional<MappingNode> flat(String text) {
        return FlatYaml.read(text, YamlParser.SETTINGS.getLabel(),
                YamlParser.SETTINGS.getSchema().getScalarResolver());
    }

    private static Optional<Node> snake(String text) {
        return new Composer(YamlParser.SETTINGS, new ParserImpl(YamlParser.SETTINGS,
                new StreamReader(YamlParser.SETTINGS, text))).getSingleNode();
    }

    @Test
    void readsTheUsualFrontMatter() {
        String text = "title: 包头中院发布劳动争议典型案例\ndateline: 本报讯\nbureau: 包头市\nauthors: [周敏]\n"
                + "tags: [劳动争议, 典型案例]\npage: 6\ndraft: false\n";
        MappingNode mapping = flat(text).orElseThrow();

        assertThat(mapping.getValue()).hasSize(7);
        assertSameTree(mapping, snake(text).orElseThrow(), text);
        NodeTuple tags = mapping.getValue().get(4);
        assertThat(((SequenceNode) tags.getValueNode()).getValue())
                .extracting(node -> ((ScalarNode) node).getValue()).containsExactly("劳动争议", "典型案例");
        assertThat(mapping.getValue().get(5).getValueNode().getTag()).isEqualTo(Tag.INT);
        assertThat(mapping.getValue().get(6).getValueNode().getTag()).isEqualTo(Tag.BOOL);
    }

    @Test
    void readsAPagesSettingsWithItsEditors() {
        String text = "number: 3\nsection: '生态司法'\neditors:\n  责任编辑: '白雪梅'\n  制版编辑: 陈雅琴\nlabel: A03\n";
        MappingNode mapping = flat(text).orElseThrow();

        assertSameTree(mapping, snake(text).orElseThrow(), text);
        MappingNode editors = (MappingNode) mapping.getValue().get(2).getValueNode();
        assertThat(editors.getValue()).extracting(tuple -> ((ScalarNode) tuple.getValueNode()).getValue())
                .containsExactly("白雪梅", "陈雅琴");
        assertThat(mapping.getValue().get(3).getKeyNode()).extracting(node -> ((ScalarNode) node).getValue())
                .isEqualTo("label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.i: a\n", "\u3000: 全角空格\n", "题 目: a\n", "a[b]: [c d, 'e', \"f\"]\n",
        "# 注释\n\ntitle: x\n", "n: 06\nf: 8.82\nz: ~\nb: True\ns: '06'\n", "tags: []\ntitle: \"\"\n"})
    void readsWhatSnakeYamlReads(String text) {
        assertSameTree(flat(text).orElseThrow(), snake(text).orElseThrow(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "\n\n", "# only a comment\n", "editors:\n  a:\n    b: c\n", "editors:\n  a: b\n   c: d\n",
        "editors:\ntitle: x\n", "editors:\n", "title: a\n  b: c\n", "title: 一行\n  接着一行\n",
        "title: 说法 # 注释\n", "time: 10:30\n", "title:\n", "title: \"带\\\"转义\"\n", "title: 'it''s'\n",
        "tags: [a, ]\n", "tags: [a,\n  b]\n", "tags: [[a]]\n", "title: &a 锚\n", "title: *a\n", "title: !!str 1\n",
        "title: |\n  块\n", "- a\n- b\n", "title:\t制表符\n", "title: 行尾空格 \n", "title: a\r\nb: c\r\n",
        "title: \u0001\n", "title: \ufeffBOM\n", "title: 😀\n", "---\ntitle: a\n", "title : a\n",
        "title: -1\n", "tags: {a: b}\n", "tags: [\"a\\\\b\"]\n"})
    void declinesEverythingElse(String text) {
        assertThat(flat(text)).as(text).isEmpty();
    }

    /**
     * Documents built from the pieces that make YAML tricky: indicators, quotes, colons, hashes, spaces,
     * control and special characters, words the schema types. Whatever the flat reader accepts must be the
     * tree SnakeYAML composes, position for position; the mix is such that it accepts some and declines
     * many, so neither side of the check is empty.
     */
    @Test
    void agreesWithSnakeYamlOnGeneratedDocuments() {
        Random random = new Random(20261205);
        int accepted = 0;
        int declined = 0;
        for (int round = 0; round < 40_000; round++) {
            String text = document(random);
            Optional<MappingNode> fast = flat(text);
            if (fast.isEmpty()) {
                declined++;
                continue;
            }
            accepted++;
            Optional<Node> reference;
            try {
                reference = snake(text);
            } catch (RuntimeException e) {
                throw new AssertionError("accepted what SnakeYAML refuses: " + text, e);
            }
            assertThat(reference).as(text).isPresent();
            assertSameTree(fast.get(), reference.get(), text);
        }
        assertThat(accepted).as("accepted").isGreaterThan(5_000);
        assertThat(declined).as("declined").isGreaterThan(5_000);
    }

    private static final List<String> KEYS = List.of("title", "a", "bureau", "责任编辑", "page_no", "x-y", "true",
            "null", "Y", "k9", "_", "9", "-a", "a b", "题 目", "a.b", "", "a[b]", "a,b", "a ", "'q'", "\"q\"", "a#b", "?a",
            "~");
    private static final List<String> SEPARATORS = List.of(": ", ": ", ":  ", ":", " : ", ":\t");
    private static final List<String> WORDS = List.of("包头", "鄂尔多斯讯", "法院", "a", "PDF", "2025", "06",
            "8.82", "-5", ".inf", "~", "null", "Null", "true", "False", "yes", "0x1A", "1e3", "2025-12-04");
    private static final String PIECES = "-?:,[]{}#&*!|>'\"%@`\\ ";
    private static final List<String> ODD = List.of("\t", "\r", "\u0001", "\u0085", "\u00a0", "\u3000", "\ufeff",
            "\u2028", "😀", "\u007f", "\uff1a");

    private static String document(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(5);
        for (int i = 0; i <= lines; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                text.append(random.nextBoolean() ? "" : "# 注释 " + value(random));
            } else if (kind == 1) {
                text.append("  ").append(pick(random, KEYS)).append(": ").append(value(random));
            } else if (kind < 5) {
                text.append(pick(random, KEYS.subList(0, 6))).append(random.nextInt(10) == 0 ? ": " : ":");
                int indent = 1 + random.nextInt(3);
                int entries = random.nextInt(4);
                for (int j = 0; j < entries; j++) {
                    text.append('\n').append(" ".repeat(random.nextInt(8) == 0 ? 1 + random.nextInt(4) : indent))
                            .append(random.nextInt(8) == 0 ? pick(random, KEYS) : pick(random, KEYS.subList(0, 6)))
                            .append(random.nextInt(8) == 0 ? pick(random, SEPARATORS) : ": ")
                            .append(random.nextInt(4) == 0 ? list(random) : value(random));
                }
            } else {
                text.append(random.nextInt(8) == 0 ? pick(random, KEYS) : pick(random, KEYS.subList(0, 6)))
                        .append(random.nextInt(6) == 0 ? pick(random, SEPARATORS) : ": ");
                text.append(random.nextInt(3) == 0 ? list(random) : value(random));
            }
            if (i < lines || random.nextBoolean()) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String list(Random random) {
        StringBuilder list = new StringBuilder("[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? (random.nextInt(4) == 0 ? " " : "") : random.nextInt(4) == 0 ? " , " : ", ");
            list.append(value(random));
        }
        if (random.nextInt(8) == 0) {
            list.append(random.nextBoolean() ? ", " : " ");
        }
        return list.append(random.nextInt(10) == 0 ? "" : "]").toString();
    }

    private static String value(Random random) {
        StringBuilder value = new StringBuilder();
        int quote = random.nextInt(6);
        if (quote == 0) {
            value.append('"');
        } else if (quote == 1) {
            value.append('\'');
        }
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                value.append(pick(random, WORDS));
            } else if (kind < 9) {
                value.append(PIECES.charAt(random.nextInt(PIECES.length())));
            } else {
                value.append(pick(random, ODD));
            }
        }
        if (quote == 0 && random.nextInt(6) > 0) {
            value.append('"');
        } else if (quote == 1 && random.nextInt(6) > 0) {
            value.append('\'');
        }
        return value.toString();
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static void assertSameTree(Node fast, Node reference, String text) {
        String where = text + " at " + reference.getStartMark().map(Object::toString).orElse("?");
        assertThat(fast.getClass()).as(where).isEqualTo(reference.getClass());
        assertThat(fast.getTag()).as(where).isEqualTo(reference.getTag());
        assertThat(fast.getStartMark().orElseThrow().getLine()).as(where)
                .isEqualTo(reference.getStartMark().orElseThrow().getLine());
        assertThat(fast.getStartMark().orElseThrow().getColumn()).as(where)
                .isEqualTo(reference.getStartMark().orElseThrow().getColumn());
        if (fast instanceof ScalarNode scalar) {
            ScalarNode other = (ScalarNode) reference;
            assertThat(scalar.getValue()).as(where).isEqualTo(other.getValue());
            assertThat(scalar.getScalarStyle()).as(where).isEqualTo(other.getScalarStyle());
        } else if (fast instanceof SequenceNode sequence) {
            SequenceNode other = (SequenceNode) reference;
            assertThat(sequence.getFlowStyle()).as(where).isEqualTo(other.getFlowStyle());
            assertThat(sequence.getValue()).as(where).hasSameSizeAs(other.getValue());
            for (int i = 0; i < sequence.getValue().size(); i++) {
                assertSameTree(sequence.getValue().get(i), other.getValue().get(i), text);
            }
        } else {
            MappingNode mapping = (MappingNode) fast;
            MappingNode other = (MappingNode) reference;
            assertThat(mapping.getFlowStyle()).as(where).isEqualTo(other.getFlowStyle());
            assertThat(mapping.getValue()).as(where).hasSameSizeAs(other.getValue());
            for (int i = 0; i < mapping.getValue().size(); i++) {
                assertSameTree(mapping.getValue().get(i).getKeyNode(), other.getValue().get(i).getKeyNode(), text);
                assertSameTree(mapping.getValue().get(i).getValueNode(), other.getValue().get(i).getValueNode(),
                        text);
            }
        }
    }
}
