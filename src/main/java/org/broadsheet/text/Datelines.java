package org.broadsheet.text;

/**
 * How a printed dateline names a place. The gazetteer (config) finds a story's bureau by it, and the model
 * (archive) lists the datelines each bureau filed under by it: one reading, so the two can never disagree.
 */
public final class Datelines {
    private Datelines() {
    }

    /** The place a printed dateline names, as the gazetteer lists it: 包头讯 → 包头, 北京电 → 北京. */
    public static String placeOf(String dateline) {
        String place = dateline.strip();
        if (place.endsWith("讯") || place.endsWith("电")) {
            place = place.substring(0, place.length() - 1);
        }
        return place.strip();
    }
}
