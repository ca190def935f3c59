package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where publishing would destroy something, the guard refuses and says why. */
class OutputGuardTest {
    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void givenASite() throws IOException {
        site = Files.createDirectories(temp.resolve("北疆法治报"));
        Files.writeString(site.resolve("site.yml"), "title: 北疆法治报\n");
        Files.createDirectories(site.resolve("content/2025/12/12/01"));
        Files.createDirectories(site.resolve("themes/default"));
    }

    private String refusal(Path output) {
        return OutputGuard.refusal(site, output, false).orElseThrow(
                () -> new AssertionError("expected " + output + " to be refused"));
    }

    @Test
    void acceptsAFreshFolderBesideOrInsideTheSite() {
        assertThat(OutputGuard.refusal(site, temp.resolve("public"), false)).isEmpty();
        assertThat(OutputGuard.refusal(site, site.resolve("public"), false)).isEmpty();
        assertThat(OutputGuard.refusal(site, site.resolve("public/深/层"), false)).isEmpty();
    }

    @Test
    void acceptsAnExistingEmptyFolder() throws IOException {
        assertThat(OutputGuard.refusal(site, Files.createDirectories(temp.resolve("空")), false)).isEmpty();
    }

    @Test
    void refusesTheSiteItselfAndAnyFolderAboveIt() {
        assertThat(refusal(site)).contains("is, or contains, the site folder");
        assertThat(refusal(temp)).contains("is, or contains, the site folder");
        assertThat(refusal(site.resolve("public/.."))).contains("is, or contains, the site folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"content", "themes", ".broadsheet"})
    void refusesTheSitesSourceAndStateFolders(String folder) {
        assertThat(refusal(site.resolve(folder))).isEqualTo("the output folder is inside the site's " + folder + "/ folder");
        assertThat(refusal(site.resolve(folder).resolve("public"))).contains(folder + "/ folder");
    }

    @Test
    void aSiblingNamedLikeASourceFolderIsNotInside() {
        assertThat(OutputGuard.refusal(site, site.resolve("content-public"), false)).isEmpty();
    }

    @Test
    void aSymbolicLinkCannotDisguiseTheContentFolder() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("看起来无害"), site.resolve("content"));

        assertThat(refusal(link)).contains("content/ folder");
        assertThat(refusal(link.resolve("2025"))).contains("content/ folder");
    }

    @Test
    void refusesAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("public.html"), "<html/>");

        assertThat(refusal(file)).endsWith(" is a file");
        assertThat(refusal(site.resolve("site.yml"))).endsWith(" is a file");
    }

    @Test
    void refusesAForeignNonEmptyFolderUnlessAdopted() throws IOException {
        Path gitCheckout = Files.createDirectories(temp.resolve("gh-pages/.git"));
        Files.writeString(gitCheckout.resolve("config"), "[core]\n");
        Path output = temp.resolve("gh-pages");

        assertThat(refusal(output)).contains("is not empty and was not created by Broadsheet");
        assertThat(OutputGuard.refusal(site, output, true)).isEmpty();
    }

    @Test
    void acceptsANonEmptyFolderThatBroadsheetPublished() throws IOException {
        Path output = Files.createDirectories(temp.resolve("public"));
        Files.writeString(output.resolve("index.html"), "<h1>北疆法治报</h1>");
        Files.writeString(output.resolve(Publisher.MARKER), "published by Broadsheet\n");

        assertThat(OutputGuard.refusal(site, output, false)).isEmpty();
    }

    @Test
    void refusesAFolderThatAnotherSitePublishesToUnlessForced() throws IOException {
        Path output = Files.createDirectories(temp.resolve("public"));
        Path otherSite = Files.createDirectories(temp.resolve("另一份报纸"));
        OutputMarker.of(OutputMarker.siteId(otherSite), java.util.List.of("index.html")).writeInto(output);

        assertThat(refusal(output)).contains("is published by another Broadsheet site");
        assertThat(OutputGuard.refusal(site, output, true)).isEmpty();
        assertThat(OutputGuard.refusal(otherSite, output, false)).isEmpty();
    }

    @Test
    void aSiteIsKnownByItsRealFolderWhicheverLinkLeadsThere() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("报纸"), site);

        assertThat(OutputMarker.siteId(link)).isEqualTo(OutputMarker.siteId(site));
        assertThat(OutputMarker.siteId(temp.resolve("另一份报纸"))).isNotEqualTo(OutputMarker.siteId(site));
    }

    @Test
    void adoptingNeverOverridesTheOtherRefusals() {
        assertThat(OutputGuard.refusal(site, site, true)).isPresent();
        assertThat(OutputGuard.refusal(site, site.resolve("content"), true)).isPresent();
        assertThat(OutputGuard.refusal(site, Path.of("/"), true)).contains("the output folder is the file system root");
    }

    @Test
    void refusesTheHomeFolder() {
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath();
        assumeThat(home.getParent()).as("home is not the file system root").isNotNull();

        assertThat(OutputGuard.refusal(site, home, true)).contains("the output folder is the home folder");
    }
}
