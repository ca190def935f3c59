package org.broadsheet.content;

import java.util.Optional;

/**
 * What earlier builds read from page and issue settings files ({@code _page.yml}, {@code _issue.yml}), so that
 * a rebuild need not parse the 20,000 of a ten-year archive again. A remembered value stands for its file
 * while the file's size and modification time are unchanged; a page's also needs the same files beside it,
 * which its image and PDF are checked against. Only settings read without any problem are remembered, so
 * that every warning is printed again.
 */
public interface SettingsMemory {
    /** Remembers nothing. */
    SettingsMemory NONE = new SettingsMemory() {
        @Override
        public Optional<PageSource> page(ContentListing.Listed file) {
            return Optional.empty();
        }

        @Override
        public void remember(ContentListing.Listed file, PageSource page) {
        }

        @Override
        public Optional<IssueSource> issue(ContentListing.Listed file) {
            return Optional.empty();
        }

        @Override
        public void remember(ContentListing.Listed file, IssueSource issue) {
        }
    };

    /** The page read from {@code file} by an earlier build, if the file is unchanged. Thread-safe. */
    Optional<PageSource> page(ContentListing.Listed file);

    /** Thread-safe. */
    void remember(ContentListing.Listed file, PageSource page);

    /** The issue read from {@code file} by an earlier build, if the file is unchanged. Thread-safe. */
    Optional<IssueSource> issue(ContentListing.Listed file);

    /** Thread-safe. */
    void remember(ContentListing.Listed file, IssueSource issue);
}
