package org.broadsheet.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.text.Datelines;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/**
 * Maps a dateline ("包头讯", "那吉讯") to the bureau that filed it. Built from the gazetteer shipped with
 * Broadsheet plus the site's own {@code bureaus} entries, which add datelines or override a slug.
 * Immutable once built; safe to share between threads.
 */
public final class Gazetteer {
    private static final String RESOURCE = "gazetteer.yml";
    /** The paper's own newsroom: a dateline, but no bureau. */
    private static final List<String> NEWSROOM = List.of("本报", "本台", "本刊");

    private final List<BureauEntry> bureaus;
    private final Map<String, BureauEntry> byPlace;
    private final Map<String, BureauEntry> byName;

    private Gazetteer(List<BureauEntry> bureaus) {
        this.bureaus = List.copyOf(bureaus);
        Map<String, BureauEntry> places = new HashMap<>();
        Map<String, BureauEntry> names = new HashMap<>();
        for (BureauEntry bureau : bureaus) {
            names.put(bureau.name(), bureau);
            for (String place : bureau.datelines()) {
                places.putIfAbsent(place, bureau);
            }
        }
        this.byPlace = Map.copyOf(places);
        this.byName = Map.copyOf(names);
    }

    /** The built-in gazetteer with the site's additions and overrides applied. */
    public static Gazetteer of(List<SiteConfig.BureauSetting> settings) {
        Map<String, BureauEntry> merged = new LinkedHashMap<>();
        for (BureauEntry bureau : builtIn()) {
            merged.put(bureau.name(), bureau);
        }
        for (SiteConfig.BureauSetting setting : settings) {
            BureauEntry known = merged.get(setting.name());
            String slug = setting.slug().isEmpty() && known != null ? known.slug() : setting.slug();
            List<String> datelines = new ArrayList<>(setting.datelines());
            if (known != null) {
                known.datelines().stream().filter(d -> !datelines.contains(d)).forEach(datelines::add);
            }
            merged.put(setting.name(), new BureauEntry(setting.name(), slug, datelines));
        }
        // A dateline the site assigns explicitly belongs to that bureau alone, even if built-in elsewhere.
        for (SiteConfig.BureauSetting setting : settings) {
            for (Map.Entry<String, BureauEntry> entry : merged.entrySet()) {
                BureauEntry bureau = entry.getValue();
                if (!bureau.name().equals(setting.name())
                        && bureau.datelines().stream().anyMatch(setting.datelines()::contains)) {
                    entry.setValue(new BureauEntry(bureau.name(), bureau.slug(), bureau.datelines().stream()
                            .filter(d -> !setting.datelines().contains(d)).toList()));
                }
            }
        }
        return new Gazetteer(new ArrayList<>(merged.values()));
    }

    /** Every bureau, in the gazetteer's order. */
    public List<BureauEntry> bureaus() {
        return bureaus;
    }

    public Optional<BureauEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The bureau of a dateline as printed ("达茂旗讯", "包头电"), matching on the place name without its
     * trailing 讯 or 电. The newsroom's own dateline (本报讯) has no bureau.
     */
    public Optional<BureauEntry> byDateline(String dateline) {
        return Optional.ofNullable(byPlace.get(Datelines.placeOf(dateline)));
    }

    /** Whether a dateline is the paper's own ("本报讯"), which names no place. */
    public static boolean isNewsroom(String dateline) {
        return NEWSROOM.contains(Datelines.placeOf(dateline));
    }

    private static List<BureauEntry> builtIn() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            YamlParser.Result parsed = YamlParser.parseMapping(Path.of(RESOURCE), text, 1);
            YamlMap root = parsed.root().filter(read -> parsed.problems().isEmpty())
                    .orElseThrow(() -> new IllegalStateException("built-in gazetteer is broken: "
                            + parsed.problems()));
            List<BureauEntry> result = new ArrayList<>();
            for (YamlMap entry : root.mapList("bureaus")) {
                result.add(new BureauEntry(entry.string("name", ""), entry.string("slug", ""),
                        entry.stringList("datelines")));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
