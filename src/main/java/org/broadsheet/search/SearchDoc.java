package org.broadsheet.search;

import java.time.LocalDate;
import org.broadsheet.archive.Body;

/**
 * One story as search sees it: the fields it indexes and what a result shows. Withdrawn stories and drafts never
 * become one.
 *
 * @param body   the rendered body, read only when the story's segment is indexed
 * @param href   the story's address relative to the site's root, percent-encoded
 * @param page   what the result says of where it was printed, e.g. 第03版 法院·检察
 * @param bureau the bureau's place in the manifest's list, or -1
 */
public record SearchDoc(String title, String kicker, String subtitle, Body body, LocalDate date, String href,
        String page, int bureau) {

    /** Everything the index reads of the story, as text, the body by its token: the segment's key is made of these. */
    public String inputs() {
        return String.join("\u0001", title, kicker, subtitle, body.token(), date.toString(), href, page,
                Integer.toString(bureau));
    }
}
