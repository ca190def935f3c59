package org.broadsheet.problem;

/**
 * How far a build has come, for whoever shows it (a bar on a terminal, a line per stage in a CI log). Stages
 * announce what they count ({@code articles read}, {@code pages rendered}, {@code files published}); the
 * counting is called from many worker threads at once. What is shown never changes what is built.
 */
public interface Progress {
    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void started(String task, long total) {
        }

        @Override
        public void advanced(long count) {
        }

        @Override
        public void ended(String stage, long millis) {
        }
    };

    /** A counted task begins: {@code task} names what is counted, {@code total} how many are expected. */
    void started(String task, long total);

    /** {@code count} more of the current task are done. Thread-safe. */
    void advanced(long count);

    /** A stage of the build ended after {@code millis}; a counted task it held is done. */
    void ended(String stage, long millis);
}
