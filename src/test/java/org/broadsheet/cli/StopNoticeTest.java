package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.broadsheet.output.Publisher;
import org.junit.jupiter.api.Test;

/** A stopped build tells whether the published site is as it was or half published, and what comes next. */
class StopNoticeTest {
    @Test
    void stoppedBeforePublishingTheSiteIsAsItWas() {
        assertThat(StopNotice.text(false, Optional.empty())).contains("before publishing", "was not changed");
    }

    @Test
    void stoppedAfterPublishingTheSiteIsPublished() {
        assertThat(StopNotice.text(true, Optional.empty())).contains("after publishing", "the site is published");
    }

    @Test
    void stoppedWhilePublishingItSaysHowFarAndThatTheNextBuildFinishes() {
        String text = StopNotice.text(false, Optional.of(new Publisher.Progress(Path.of("/srv/public"), 27, 48)));

        assertThat(text).contains("while publishing into /srv/public", "27 of 48 changed files were replaced",
                "the next build finishes the publish");
    }
}
