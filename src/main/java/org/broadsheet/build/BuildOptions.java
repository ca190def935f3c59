package org.broadsheet.build;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.broadsheet.config.EngineName;

/**
 * How to run one build: the command-line options of {@code build}, already parsed and validated.
 *
 * @param output        where to publish; empty for {@code SITE/public}
 * @param adoptOutput   publish into a non-empty folder Broadsheet did not create
 * @param clock         "now" for feeds and the news sitemap, and for the warning about issues dated in the
 *                      future; empty to use the latest issue's day (and for the warning, the current time)
 * @param threads       worker threads; the result never depends on it
 * @param listingOrder  reorders directory listings; tests use it to prove the order does not matter
 * @param useCache      use the build cache in SITE/.broadsheet/cache; false starts it afresh
 */
public record BuildOptions(
        Path site,
        Optional<Path> output,
        Optional<URI> baseUrl,
        Optional<EngineName> engine,
        boolean drafts,
        boolean keepGoing,
        boolean strict,
        boolean adoptOutput,
        Optional<Instant> clock,
        int threads,
        UnaryOperator<List<Path>> listingOrder,
        boolean useCache) {

    public static BuildOptions defaults(Path site) {
        return new BuildOptions(site, Optional.empty(), Optional.empty(), Optional.empty(), false, false, false,
                false, Optional.empty(), Runtime.getRuntime().availableProcessors(), UnaryOperator.identity(), true);
    }

    public BuildOptions withOutput(Path dir) {
        return new BuildOptions(site, Optional.of(dir), baseUrl, engine, drafts, keepGoing, strict, adoptOutput,
                clock, threads, listingOrder, useCache);
    }

    public BuildOptions withBaseUrl(URI url) {
        return new BuildOptions(site, output, Optional.of(url), engine, drafts, keepGoing, strict, adoptOutput,
                clock, threads, listingOrder, useCache);
    }

    public BuildOptions withEngine(EngineName name) {
        return new BuildOptions(site, output, baseUrl, Optional.of(name), drafts, keepGoing, strict, adoptOutput,
                clock, threads, listingOrder, useCache);
    }

    public BuildOptions withThreads(int count) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, keepGoing, strict, adoptOutput, clock,
                count, listingOrder, useCache);
    }

    public BuildOptions withKeepGoing(boolean value) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, value, strict, adoptOutput, clock, threads,
                listingOrder, useCache);
    }

    public BuildOptions withDrafts(boolean value) {
        return new BuildOptions(site, output, baseUrl, engine, value, keepGoing, strict, adoptOutput, clock,
                threads, listingOrder, useCache);
    }

    public BuildOptions withListingOrder(UnaryOperator<List<Path>> order) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, keepGoing, strict, adoptOutput, clock,
                threads, order, useCache);
    }

    public BuildOptions withCache(boolean value) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, keepGoing, strict, adoptOutput, clock,
                threads, listingOrder, value);
    }

    public BuildOptions withClock(Instant now) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, keepGoing, strict, adoptOutput,
                Optional.of(now), threads, listingOrder, useCache);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(site, output, baseUrl, engine, drafts, keepGoing, value, adoptOutput, clock,
                threads, listingOrder, useCache);
    }

    /** The output folder this build publishes to. */
    public Path outputDir() {
        return output.orElse(site.resolve("public"));
    }
}
