package org.broadsheet.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a result shows of each story (headline, address, page), in chunks of a fixed number of stories, so that
 * showing ten results fetches the chunks that hold them and the file count stays bounded. The date is in the
 * segment's meta, so an address is written from its day's folder on ({@code 01/slug.html}) when it starts there.
 */
final class DisplayChunks {
    private DisplayChunks() {
    }

    static List<String> write(List<SearchDoc> docs, int chunkSize) {
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += chunkSize) {
            StringBuilder out = new StringBuilder(chunkSize * 80).append("{\"d\":[");
            for (int i = from; i < Math.min(docs.size(), from + chunkSize); i++) {
                SearchDoc doc = docs.get(i);
                out.append(i > from ? ",\n[" : "\n[");
                JsonText.string(out, doc.title()).append(',');
                JsonText.string(out, relative(doc)).append(',');
                JsonText.string(out, doc.page()).append(']');
            }
            chunks.add(out.append("]}\n").toString());
        }
        return chunks;
    }

    private static String relative(SearchDoc doc) {
        String day = dayFolder(doc.date());
        return doc.href().startsWith(day) ? doc.href().substring(day.length()) : "/" + doc.href();
    }

    /** YYYY/MM/DD/, from the ISO text when the year has four digits: a formatter per story is slow. */
    private static String dayFolder(LocalDate date) {
        if (date.getYear() >= 0 && date.getYear() <= 9999) {
            return date.toString().replace('-', '/') + '/';
        }
        return String.format(Locale.ROOT, "%04d/%02d/%02d/", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
    }
}
