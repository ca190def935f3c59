package org.broadsheet.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Severity;

/**
 * The last successful build, kept in {@code SITE/.broadsheet/cache/last-build}: a digest of every input it
 * read and what it reported. A later build whose inputs have the same digest, and whose published files are
 * all still in place, has nothing to do and repeats the report: for a ten-year archive that saves reading a
 * hundred thousand cached articles and fingerprinting every page.
 *
 * <p>The caller deletes the record before a build that may publish, and writes it only after publishing
 * succeeded, so it never vouches for an output that a failed or killed build left half updated.
 */
public final class LastBuild {
    private static final long MAGIC = 0x4253_4c41_5354_4231L; // "BSLASTB1"
    private static final int FORMAT = 3; // 2: the header names the build key; 3: bureaus counted
    private static final String FILE = "last-build";

    private LastBuild() {
    }

    /**
     * What the build saw and reported.
     *
     * @param inputs   digest of every input (content and theme files, site.yml, options, Broadsheet itself)
     * @param files    files in the output that the build published or found current
     * @param problems its warnings (a build with errors is never recorded)
     */
    public record Summary(String inputs, int issues, int pages, int articles, int bureaus, int files,
            List<Problem> problems) {
        public Summary {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The record in {@code cacheDir} of a build with {@code buildKey}; empty when there is none, it was written by
     * another version or for another build key, or it cannot be read.
     */
    public static Optional<Summary> read(Path cacheDir, String buildKey) {
        try {
            Optional<DataInputStream> found = ChecksummedFile.read(cacheDir.resolve(FILE), header(buildKey));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            DataInputStream in = found.get();
            String inputs = CacheCodec.readString(in);
            int issues = in.readInt();
            int pages = in.readInt();
            int articles = in.readInt();
            int bureaus = in.readInt();
            int files = in.readInt();
            int count = CacheCodec.readCount(in);
            List<Problem> problems = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Path file = Path.of(CacheCodec.readString(in));
                int line = in.readInt();
                int column = in.readInt();
                Severity severity = in.readBoolean() ? Severity.ERROR : Severity.WARNING;
                problems.add(new Problem(file, line, column, severity, CacheCodec.readString(in),
                        CacheCodec.readString(in)));
            }
            return Optional.of(new Summary(inputs, issues, pages, articles, bureaus, files, problems));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the build does the work, and writes a good one afterwards
        }
    }

    public static void write(Path cacheDir, String buildKey, Summary summary) throws IOException {
        ChecksummedFile.write(cacheDir.resolve(FILE), header(buildKey), out -> {
            CacheCodec.writeString(out, summary.inputs());
            out.writeInt(summary.issues());
            out.writeInt(summary.pages());
            out.writeInt(summary.articles());
            out.writeInt(summary.bureaus());
            out.writeInt(summary.files());
            out.writeInt(summary.problems().size());
            for (Problem problem : summary.problems()) {
                CacheCodec.writeString(out, problem.file().toString());
                out.writeInt(problem.line());
                out.writeInt(problem.column());
                out.writeBoolean(problem.isError());
                CacheCodec.writeString(out, problem.message());
                CacheCodec.writeString(out, problem.hint());
            }
        });
    }

    /** The record's header for builds with {@code buildKey} (which its inputs digest covers too). */
    private static CacheHeader header(String buildKey) {
        return new CacheHeader(MAGIC, FORMAT, buildKey);
    }

    public static void delete(Path cacheDir) throws IOException {
        ChecksummedFile.delete(cacheDir.resolve(FILE));
    }
}
