package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InternalErrorHandlerTest {
    private final StringWriter err = new StringWriter();
    private final CommandLine line = new CommandLine(new BroadsheetCommand());

    private String handle(Exception e) {
        line.setErr(new PrintWriter(err, true));
        int code = new InternalErrorHandler().handleExecutionException(e, line, line.parseArgs("build"));
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        return err.toString();
    }

    @Test
    void aBugIsOneShortReportWithoutAStackTrace() {
        String report = handle(new IllegalStateException("rendering failed"));
        assertThat(report).startsWith("broadsheet: internal error: java.lang.IllegalStateException: rendering failed")
                .contains("--verbose").doesNotContain("\tat ");
    }

    @Test
    void runningOutOfMemoryNamesTheLimitAndHowToRaiseIt() {
        String report = handle(new IllegalStateException("rendering Markdown failed", new OutOfMemoryError()));
        assertThat(report).contains("out of memory (the heap limit is").contains("BROADSHEET_JAVA_OPTS=-Xmx2g")
                .doesNotContain("internal error");
    }

    @Test
    void aFullDiskNamesTheFileAndIsNotCalledABug() {
        String report = handle(new java.io.UncheckedIOException("writing 2025/12/12/index.html",
                new java.nio.file.FileSystemException("/srv/site/.broadsheet/staging/17", null,
                        "No space left on device")));
        assertThat(report).startsWith("broadsheet: error: cannot read or write /srv/site/.broadsheet/staging/17: "
                + "No space left on device").contains("free disk space").doesNotContain("internal error")
                .doesNotContain("bug");
    }
}
