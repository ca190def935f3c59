package org.broadsheet.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A document's parse events, all read before any node is built from them. SnakeYAML Engine's scanner and
 * parser keep their nesting on heap stacks, but its composer recurses once per level, so ten thousand '['
 * overflowed the thread's stack and the StackOverflowError took the whole build down. Counting open
 * collections here refuses such nesting at the event that goes too deep, whatever the stack size; the
 * composer then builds from the events already read (see {@link #replay()}), so the text is scanned once.
 */
final class ShallowEvents {
    private final List<Event> events;
    private final Optional<Event> tooDeep;

    private ShallowEvents(List<Event> events, Optional<Event> tooDeep) {
        this.events = events;
        this.tooDeep = tooDeep;
    }

    /**
     * Reads the events of {@code text}, stopping at the first node nested more than {@code maxDepth} levels
     * deep (the top node is level 1). An alias counts as deep as the anchored node it stands for, so a chain
     * of aliases cannot build deeper data out of shallow text. Syntax errors and the settings' limits throw
     * as the parser's do.
     */
    static ShallowEvents read(LoadSettings settings, String text, int maxDepth) {
        Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
        List<Event> events = new ArrayList<>();
        Map<String, Integer> anchorHeights = new HashMap<>();
        Deque<Open> open = new ArrayDeque<>(); // never more than maxDepth
        while (parser.hasNext()) {
            Event event = parser.next();
            int level = open.size() + 1;
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (level > maxDepth) {
                        return new ShallowEvents(List.of(), Optional.of(event));
                    }
                    Optional<String> anchor = anchorOf(event);
                    // an alias inside this collection to its own anchor is a loop, not the anchor's old value
                    anchor.ifPresent(anchorHeights::remove);
                    open.push(new Open(anchor, level));
                }
                case MappingEnd, SequenceEnd -> {
                    Open closed = open.pop();
                    closed.anchor.ifPresent(anchor -> anchorHeights.put(anchor, closed.deepest - closed.level + 1));
                    reached(open, closed.deepest);
                }
                case Scalar, Alias -> {
                    // An alias to an anchor not yet closed (one that contains itself) counts as one level; the
                    // composed tree is checked for such loops afterwards.
                    int height = event instanceof AliasEvent alias
                            ? anchorHeights.getOrDefault(alias.getAlias().getValue(), 1) : 1;
                    int deepest = level + height - 1;
                    if (deepest > maxDepth) {
                        return new ShallowEvents(List.of(), Optional.of(event));
                    }
                    anchorOf(event).ifPresent(anchor -> anchorHeights.put(anchor, 1));
                    reached(open, deepest);
                }
                default -> {
                    // stream, document and comment events do not nest
                }
            }
            events.add(event);
        }
        return new ShallowEvents(events, Optional.empty());
    }

    private static Optional<String> anchorOf(Event event) {
        return event instanceof NodeEvent node ? node.getAnchor().map(Anchor::getValue) : Optional.empty();
    }

    private static void reached(Deque<Open> open, int level) {
        if (!open.isEmpty()) {
            open.peek().deepest = Math.max(open.peek().deepest, level);
        }
    }

    /** The first node event deeper than the limit; when present, nothing may be composed. */
    Optional<Event> tooDeep() {
        return tooDeep;
    }

    /** The events read, handed out again as a parser for SnakeYAML Engine's composer. */
    Parser replay() {
        if (tooDeep.isPresent()) {
            throw new IllegalStateException("a document nested too deep must not be composed");
        }
        return new Replay(events);
    }

    /** A collection being read: where it starts, and the deepest level reached inside it so far. */
    private static final class Open {
        final Optional<String> anchor;
        final int level;
        int deepest;

        Open(Optional<String> anchor, int level) {
            this.anchor = anchor;
            this.level = level;
            this.deepest = level;
        }
    }

    private static final class Replay implements Parser {
        private final List<Event> events;
        private int next;

        Replay(List<Event> events) {
            this.events = events;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return hasNext() && events.get(next).getEventId() == id;
        }

        @Override
        public Event peekEvent() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more Events found.");
            }
            return events.get(next);
        }

        @Override
        public Event next() {
            Event event = peekEvent();
            next++;
            return event;
        }

        @Override
        public boolean hasNext() {
            return next < events.size();
        }
    }
}
