package org.broadsheet.render;

import freemarker.core.Environment;
import freemarker.template.Template;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds where a template calls itself without end. A stack overflow unwinds FreeMarker's instruction stack
 * before anything can read it, so after a page overflowed its template is run once more, on a thread of its
 * own whose stack lets the recursion go on for a while; meanwhile the caller reads FreeMarker's instruction
 * stack and, once it is deeper than any template nests on purpose, stops the run through the interruption
 * checks every template has ({@link StoppableConfiguration}). Only a failing page pays for this.
 */
final class RecursionProbe {
    /** Virtual memory; only what the recursion touches before it is stopped is committed. */
    private static final long STACK_BYTES = 256L << 20;
    /** Instructions on FreeMarker's stack beyond which a template is taken to recurse without end. */
    private static final int DEEP = 200;
    private static final long GIVE_UP_NANOS = 2_000_000_000L;

    private RecursionProbe() {
    }

    /** FreeMarker's instruction stack, innermost first, while {@code template} recursed; empty if not caught. */
    static String where(Template template, Object view) {
        AtomicReference<Environment> running = new AtomicReference<>();
        Thread probe = new Thread(null, () -> {
            try {
                Environment env = template.createProcessingEnvironment(view, new StringBuilderWriter(1024, 1 << 20,
                        () -> {
                        }));
                running.set(env);
                env.process();
            } catch (Exception | StackOverflowError e) {
                // Stopped, overflowed again or failed otherwise: the caller has what it sampled.
            }
        }, "broadsheet-template-recursion", STACK_BYTES);
        probe.setDaemon(true);
        try {
            probe.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            return ""; // no room for its stack: the error names the template without the line
        }
        String deepest = "";
        long giveUp = System.nanoTime() + GIVE_UP_NANOS;
        try {
            while (probe.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(2);
                Environment env = running.get();
                String stack = env == null ? "" : TemplateWatchdog.instructionStack(env);
                if (depth(stack) > depth(deepest)) {
                    deepest = stack;
                }
                if (depth(deepest) > DEEP) {
                    break;
                }
            }
            probe.interrupt();
            probe.join(GIVE_UP_NANOS / 1_000_000);
        } catch (InterruptedException e) {
            probe.interrupt();
            Thread.currentThread().interrupt();
        }
        return depth(deepest) > DEEP ? fromRecurringFrame(deepest) : "";
    }

    /**
     * {@code stack} (innermost first) from its first frame that recurs further down. A sample may catch the
     * template writing a line of text between two calls; that frame is not the recursion, the call that repeats
     * is, and the problem should name its line.
     */
    static String fromRecurringFrame(String stack) {
        String[] lines = stack.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("[in template");
            if (at < 0) {
                continue;
            }
            String position = lines[i].substring(at);
            for (int j = i + 1; j < lines.length; j++) {
                if (lines[j].contains(position)) {
                    return String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
                }
            }
        }
        return stack;
    }

    private static int depth(String stack) {
        int count = 0;
        for (int at = stack.indexOf("[in template"); at >= 0; at = stack.indexOf("[in template", at + 1)) {
            count++;
        }
        return count;
    }
}
