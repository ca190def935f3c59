package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyStoreTest {
    @TempDir
    Path dir;

    @Test
    void everyBodyReadsBackAsItWasStored() throws Exception {
        List<String> bodies = List.of("", "<p>鄂尔多斯市人民法院</p>", "plain ASCII & <b>tags</b>", "𠀀𪚥 surrogate pairs",
                "a lone \ud800 surrogate", "é and e\u0301", "x".repeat(70_000));
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"), "g1")) {
            List<BodyStore.StoredBody> stored = bodies.stream().map(store::append).toList();
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(stored.get(i).html()).isEqualTo(bodies.get(i));
            }
            // Han text takes two bytes a char.
            assertThat(stored.get(1).length()).isEqualTo(2 * bodies.get(1).length());
        }
    }

    @Test
    void aBodyWhoseBytesChangedIsRefused() throws Exception {
        Path file = dir.resolve("bodies");
        try (BodyStore store = BodyStore.create(file, "g1")) {
            BodyStore.StoredBody body = store.append("<p>社区矫正</p>");
            try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                raw.seek(body.offset() + 7);
                raw.write(0x41);
            }
            assertThatThrownBy(body::html).isInstanceOf(CacheCorrupted.class).hasMessageContaining("checksum");
        }
    }
}
