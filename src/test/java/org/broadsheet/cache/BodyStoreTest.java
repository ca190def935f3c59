package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.archive.Body;
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
                assertThat(store.html(stored.get(i))).isEqualTo(bodies.get(i));
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
            assertThatThrownBy(() -> store.html(body)).isInstanceOf(CacheCorrupted.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aBodyNamesWhereItLiesSoItOutlivesTheStoreThatWroteIt() throws Exception {
        Path file = dir.resolve("bodies");
        BodyStore.StoredBody body;
        long length;
        try (BodyStore store = BodyStore.create(file, "g1")) {
            store.append("<p>前一篇</p>");
            body = store.append("<p>交叉执行</p>");
            length = store.length();
        }
        try (BodyStore reopened = BodyStore.reopen(file, "g1", length)) {
            assertThat(reopened.html(body)).isEqualTo("<p>交叉执行</p>");
        }
    }

    @Test
    void aBodyOfAnotherGenerationIsRefusedNotMisread() throws Exception {
        try (BodyStore first = BodyStore.create(dir.resolve("first"), "g1");
                BodyStore second = BodyStore.create(dir.resolve("second"), "g2")) {
            BodyStore.StoredBody body = first.append("<p>社区矫正</p>");
            second.append("<p>别的正文，同样的长度</p>");
            assertThatThrownBy(() -> second.html(body)).isInstanceOf(CacheCorrupted.class)
                    .hasMessageContaining("generation g1");
        }
    }

    @Test
    void aBodyHeldInMemoryIsReadAsItIs() throws Exception {
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"), "g1")) {
            assertThat(store.html(Body.of("<p>那吉讯</p>"))).isEqualTo("<p>那吉讯</p>");
        }
    }
}
