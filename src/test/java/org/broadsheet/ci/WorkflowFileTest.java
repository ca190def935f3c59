package org.broadsheet.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI files that publish the site (README, "Publishing from CI"): the GitHub Actions workflow and the GitLab CI
 * example, parsed as YAML and held to what README says of them, so that neither can drift from README's build
 * command or lose the steps that make CI builds incremental. Reads the files of the working tree; no network.
 */
class WorkflowFileTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/pages.yml");
    private static final Path GITLAB = Path.of("docs/ci/gitlab-ci.yml");
    private static final Path README = Path.of("README.md");
    private static final Path LAUNCHER = Path.of("broadsheet");
    private static final Path RESTORE_MTIMES = Path.of(".ci/restore-mtimes");
    /** A step that uses an action, pinned to a full commit with its version in a comment. */
    private static final Pattern PINNED = Pattern.compile(
            "^\\s*(?:-\\s+)?uses:\\s+[\\w.-]+/[\\w.-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+\\s*$");

    @Test
    void readmeBuildCommandIsTheLaunchersBuildWithABaseUrl() throws IOException {
        String command = readmeCiCommand();
        String quickStart = firstShellBlock(read(README)).get(0).replaceAll("\\s+#.*$", "").trim();
        assertThat(quickStart).isEqualTo("./broadsheet build");
        assertThat(command).startsWith(quickStart + " ").contains("--base-url \"$BASE_URL\"");
    }

    @Test
    void runsOnPushToMainAndByHand() throws IOException {
        Map<String, Object> workflow = yaml(WORKFLOW);
        Map<String, Object> on = map(workflow.get("on"), "on (the triggers)");
        assertThat(list(map(on.get("push"), "on.push").get("branches"), "on.push.branches")).contains("main");
        assertThat(on).containsKey("workflow_dispatch");
    }

    @Test
    void mayDeployToPages() throws IOException {
        Map<String, Object> workflow = yaml(WORKFLOW);
        Map<String, Object> deploy = job(workflow, "deploy");
        // A job's own permissions replace the workflow's.
        Object permissions = deploy.containsKey("permissions") ? deploy.get("permissions")
                : workflow.get("permissions");
        assertThat(map(permissions, "permissions")).containsEntry("pages", "write")
                .containsEntry("id-token", "write");
    }

    @Test
    void buildStepRunsReadmesCommandWithThePagesAddress() throws IOException {
        List<Map<String, Object>> steps = steps(job(yaml(WORKFLOW), "build"));
        Map<String, Object> build = theOnlyStepRunning(steps, "./broadsheet build");
        assertThat(runOf(build)).isEqualTo(readmeCiCommand());
        String baseUrl = String.valueOf(map(build.get("env"), "the build step's env").get("BASE_URL"));
        assertThat(baseUrl).isEqualTo("${{ steps.pages.outputs.base_url }}/");
        Map<String, Object> pages = steps.stream().filter(step -> "pages".equals(step.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step with id 'pages'"));
        assertThat(uses(pages)).startsWith("actions/configure-pages@");
        assertThat(steps.indexOf(pages)).isLessThan(steps.indexOf(build));
    }

    @Test
    void buildsWithJava17() throws IOException {
        List<Map<String, Object>> steps = steps(job(yaml(WORKFLOW), "build"));
        Map<String, Object> java = theOnlyStepUsing(steps, "actions/setup-java");
        Map<String, Object> with = map(java.get("with"), "setup-java's with");
        assertThat(String.valueOf(with.get("java-version"))).isEqualTo("17");
        assertThat(with).containsEntry("distribution", "temurin").containsEntry("cache", "maven");
        assertThat(steps.indexOf(java)).isLessThan(steps.indexOf(theOnlyStepRunning(steps, "./broadsheet build")));
    }

    @Test
    void restoresTheNewestBuildCacheBeforeBuilding() throws IOException {
        List<Map<String, Object>> steps = steps(job(yaml(WORKFLOW), "build"));
        int build = steps.indexOf(theOnlyStepRunning(steps, "./broadsheet build"));
        Map<String, Object> cache = steps.stream()
                .filter(step -> uses(step).startsWith("actions/cache@"))
                .filter(step -> lines(map(step.get("with"), "cache's with").get("path")).contains(".broadsheet"))
                .findFirst().orElseThrow(() -> new AssertionError("no actions/cache step covers .broadsheet"));
        assertThat(steps.indexOf(cache)).isLessThan(build);
        Map<String, Object> with = map(cache.get("with"), "cache's with");
        String key = String.valueOf(with.get("key"));
        List<String> restoreKeys = lines(with.get("restore-keys"));
        // A key that never matches (a new entry per run) and a prefix of it that restores the newest entry.
        assertThat(key).contains("${{ github.run_id }}");
        assertThat(restoreKeys).isNotEmpty().allSatisfy(prefix -> assertThat(key).startsWith(prefix));
    }

    @Test
    void datesFilesAndTheJarByTheirCommitsBeforeBuilding() throws IOException {
        Map<String, Object> build = job(yaml(WORKFLOW), "build");
        List<Map<String, Object>> steps = steps(build);
        int buildStep = steps.indexOf(theOnlyStepRunning(steps, "./broadsheet build"));
        Map<String, Object> checkout = theOnlyStepUsing(steps, "actions/checkout");
        assertThat(String.valueOf(map(checkout.get("with"), "checkout's with").get("fetch-depth"))).isEqualTo("0");
        assertThat(steps.indexOf(theOnlyStepRunning(steps, RESTORE_MTIMES.toString()))).isLessThan(buildStep);
        int datesJar = steps.indexOf(theOnlyStepRunning(steps, "target/broadsheet.jar"));
        assertThat(runOf(steps.get(datesJar))).startsWith("touch -d ");
        assertThat(datesJar).isLessThan(buildStep);
        assertThat(steps.indexOf(theOnlyStepRunning(steps, "SOURCE_DATE_EPOCH"))).isLessThan(buildStep);
        assertThat(Files.isExecutable(RESTORE_MTIMES)).as(RESTORE_MTIMES + " is executable").isTrue();
    }

    @Test
    void deployJobUploadsPublicAndDeploysIt() throws IOException {
        Map<String, Object> workflow = yaml(WORKFLOW);
        Map<String, Object> upload = theOnlyStepUsing(steps(job(workflow, "build")), "actions/upload-pages-artifact");
        assertThat(map(upload.get("with"), "upload's with")).containsEntry("path", "public");
        Map<String, Object> deploy = job(workflow, "deploy");
        assertThat(String.valueOf(deploy.get("needs"))).contains("build");
        assertThat(map(deploy.get("environment"), "deploy's environment")).containsEntry("name", "github-pages");
        assertThat(theOnlyStepUsing(steps(deploy), "actions/deploy-pages")).containsEntry("id", "deployment");
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersion() throws IOException {
        List<String> uses = read(WORKFLOW).lines().filter(line -> line.matches("^\\s*(-\\s+)?uses:.*")).toList();
        assertThat(uses).isNotEmpty().allSatisfy(line -> assertThat(line).matches(PINNED));
    }

    @Test
    void gitlabPagesJobPublishesPublicAndCachesTheBuildCache() throws IOException {
        Map<String, Object> pages = map(yaml(GITLAB).get("pages"), "the job 'pages'");
        assertThat(list(map(pages.get("artifacts"), "pages.artifacts").get("paths"), "artifacts.paths"))
                .contains("public");
        assertThat(list(map(pages.get("cache"), "pages.cache").get("paths"), "cache.paths"))
                .anySatisfy(path -> assertThat(path).isIn(".broadsheet", ".broadsheet/"));
        Map<String, Object> variables = map(pages.get("variables"), "pages.variables");
        assertThat(variables).containsEntry("GIT_DEPTH", "0").containsEntry("BASE_URL", "$CI_PAGES_URL");
        assertThat(String.valueOf(pages.get("image"))).contains("temurin-17");
        List<String> script = list(pages.get("script"), "pages.script");
        int build = script.indexOf(readmeCiCommand());
        assertThat(build).as("the script runs README's command: " + script).isNotNegative();
        assertThat(script.indexOf(RESTORE_MTIMES.toString())).isBetween(0, build);
        assertThat(script.subList(0, build)).anySatisfy(line -> assertThat(line).startsWith("touch -d ")
                .endsWith("target/broadsheet.jar"));
    }

    @Test
    void readmesJarCommandUsesTheLaunchersJvmOptions() throws IOException {
        Matcher defaults = Pattern.compile("jvm_opts=\"\\$\\{BROADSHEET_JAVA_OPTS:-([^}]*)}\"").matcher(read(LAUNCHER));
        assertThat(defaults.find()).as("the launcher's default JVM options").isTrue();
        String jar = read(README).lines().filter(line -> line.matches("^LC_ALL=C\\.UTF-8 java .* -jar broadsheet\\.jar .*"))
                .findFirst().orElseThrow(() -> new AssertionError("README runs no 'LC_ALL=C.UTF-8 java ... -jar'"));
        String options = jar.substring("LC_ALL=C.UTF-8 java ".length(), jar.indexOf(" -jar "));
        assertThat(Arrays.asList(options.split(" "))).isEqualTo(Arrays.asList(defaults.group(1).split(" ")));
    }

    /** The build command of README's "Publishing from CI": the one line of the section's first sh block. */
    private static String readmeCiCommand() throws IOException {
        String readme = read(README);
        int start = readme.indexOf("\n## Publishing from CI\n");
        assertThat(start).as("README has a section '## Publishing from CI'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        List<String> block = firstShellBlock(readme.substring(start, end < 0 ? readme.length() : end));
        assertThat(block).as("the section's first sh block is one command").hasSize(1);
        return block.get(0).trim();
    }

    private static List<String> firstShellBlock(String markdown) {
        int open = markdown.indexOf("```sh\n");
        assertThat(open).as("a ```sh block").isNotNegative();
        int close = markdown.indexOf("\n```", open);
        return markdown.substring(open + "```sh\n".length(), close).lines().filter(line -> !line.isBlank()).toList();
    }

    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return map(map(workflow.get("jobs"), "jobs").get(name), "the job '" + name + "'");
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        List<Map<String, Object>> steps = new ArrayList<>();
        assertThat(job.get("steps")).as("steps is a list").isInstanceOf(List.class);
        for (Object step : (List<?>) job.get("steps")) {
            steps.add(map(step, "a step"));
        }
        return steps;
    }

    private static Map<String, Object> theOnlyStepRunning(List<Map<String, Object>> steps, String text) {
        List<Map<String, Object>> found = steps.stream().filter(step -> runOf(step).contains(text)).toList();
        assertThat(found).as("steps whose run contains '" + text + "'").hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> theOnlyStepUsing(List<Map<String, Object>> steps, String action) {
        List<Map<String, Object>> found = steps.stream().filter(step -> uses(step).startsWith(action + "@")).toList();
        assertThat(found).as("steps using " + action).hasSize(1);
        return found.get(0);
    }

    private static String runOf(Map<String, Object> step) {
        return Objects.toString(step.get("run"), "").trim();
    }

    private static String uses(Map<String, Object> step) {
        return Objects.toString(step.get("uses"), "");
    }

    /** A block scalar of one item per line (cache paths, restore keys), or a plain string. */
    private static List<String> lines(Object value) {
        return value == null ? List.of() : Objects.toString(value).lines().map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value, String what) {
        assertThat(value).as(what + " is a list").isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        // YAML 1.2 (SnakeYAML Engine): the key 'on' stays a string, as GitHub reads it.
        Object document = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(read(file));
        return map(document, file.toString());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
