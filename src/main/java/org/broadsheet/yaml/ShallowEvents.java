package org.broadsheet.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
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
     * deep (the top node is level 1). Syntax errors and the settings' limits throw as the parser's do.
     */
    static ShallowEvents read(LoadSettings settings, String text, int maxDepth) {
        Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
        List<Event> events = new ArrayList<>();
        int open = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            switch (event.getEventId()) {
                case Scalar, Alias, MappingStart, SequenceStart -> {
                    if (open >= maxDepth) {
                        return new ShallowEvents(List.of(), Optional.of(event));
                    }
                    if (event.getEventId() == Event.ID.MappingStart
                            || event.getEventId() == Event.ID.SequenceStart) {
                        open++;
                    }
                }
                case MappingEnd, SequenceEnd -> open--;
                default -> {
                    // stream, document and comment events do not nest
                }
            }
            events.add(event);
        }
        return new ShallowEvents(events, Optional.empty());
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
