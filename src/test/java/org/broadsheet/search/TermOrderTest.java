package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermOrderTest {
    /** Units whose texts are prefixes of one another, of one and of several chars, in and beyond the BMP. */
    private static final String[] UNITS = {"法", "院", "中", "国", "〇", "ａ", "a", "ab", "abc", "b", "pdf", "pdfs", "p",
        "8", "8.82", "82", "2025", "20", "v1", "v1.2", "𠀀", "𠀁", "﨎", "鿿", "㐀", "é", "z", "0", "9"};

    private static TermEntry entry(String term) {
        return new TermEntry(term, new byte[0], 0, 0);
    }

    @Test
    void termsComeInStringOrderWhateverTheirUnits() {
        Random random = new Random(17);
        for (int round = 0; round < 2_000; round++) {
            List<String> units = new ArrayList<>();
            for (String unit : UNITS) {
                if (random.nextInt(3) > 0) {
                    units.add(unit);
                }
            }
            java.util.Collections.shuffle(units, random);
            List<TermEntry> entries = new ArrayList<>();
            units.forEach(unit -> entries.add(entry(unit)));
            // Pairs by id, as a segment finds them: distinct keys of two units and whether a space lay between.
            Map<Long, String> pairs = new LinkedHashMap<>();
            for (int k = random.nextInt(60); k > 0 && !units.isEmpty(); k--) {
                int first = random.nextInt(units.size());
                int second = random.nextInt(units.size());
                boolean spaced = random.nextBoolean();
                pairs.putIfAbsent((long) first << 32 | (long) second << 1 | (spaced ? 1 : 0),
                        units.get(first) + (spaced ? " " : "") + units.get(second));
            }
            long[] keys = pairs.keySet().stream().mapToLong(Long::longValue).toArray();
            pairs.values().forEach(term -> entries.add(entry(term)));
            List<String> expected = entries.stream().map(TermEntry::term).sorted().toList();
            assertThat(TermOrder.sorted(entries, units.size(), keys)).extracting(TermEntry::term)
                    .as("units %s", units).isEqualTo(expected);
        }
    }

    @Test
    void unitsOfOneCharAreInOrderByTheirRanksAlone() {
        // What makes the last sort cheap: for a Han segment it finds the terms in order already.
        List<String> units = List.of("院", "法", "人", "民", "〇", "8");
        List<TermEntry> entries = new ArrayList<>();
        units.forEach(unit -> entries.add(entry(unit)));
        Map<Long, String> pairs = new LinkedHashMap<>();
        for (int first = 0; first < units.size(); first++) {
            for (int second = 0; second < units.size(); second++) {
                pairs.put((long) first << 32 | (long) second << 1, units.get(first) + units.get(second));
                pairs.put((long) first << 32 | (long) second << 1 | 1, units.get(first) + " " + units.get(second));
            }
        }
        pairs.values().forEach(term -> entries.add(entry(term)));
        long[] keys = pairs.keySet().stream().mapToLong(Long::longValue).toArray();
        assertThat(TermOrder.byUnitRanks(entries, units.size(), keys)).extracting(TermEntry::term)
                .isEqualTo(entries.stream().map(TermEntry::term).sorted().toList())
                .startsWith("8", "8 8", "8 〇", "8 人", "8 民", "8 法", "8 院", "88", "8〇");
    }
}
