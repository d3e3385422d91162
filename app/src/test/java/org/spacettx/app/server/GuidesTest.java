package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The guides per role: each in English and Korean, with a section for every view the console's "?" links to, every
 * screenshot it shows present (GuideBrowserTest takes them), and served as pages at /guides/ROLE.
 */
class GuidesTest {

    static final Path GUIDES = Path.of("..", "docs", "guides");

    /** The sections each guide must have: the views whose "?" leads there (views.js, plan.html). */
    static final Map<String, List<String>> SECTIONS = Map.of(
            "controller", List.of("overview", "control", "feed", "space", "assessments", "coordination", "register"),
            "delegate", List.of("overview", "feed", "space", "assessments", "coordination", "register"),
            "evaluator", List.of("overview", "evaluation", "feed", "space", "assessments", "coordination", "register"),
            "administrator", List.of("people"),
            "planner", List.of("workspace"));

    @Test
    void everyGuideHasBothLanguagesItsSectionsAndItsScreenshots() throws Exception {
        assertThat(SECTIONS.keySet()).containsExactlyInAnyOrderElementsOf(GuideRoutes.ROLES);
        for (String role : GuideRoutes.ROLES) {
            for (String suffix : List.of("", ".ko")) {
                Path file = GUIDES.resolve(role + suffix + ".md");
                assertThat(file).exists();
                String text = Files.readString(file);
                for (String section : SECTIONS.get(role)) {
                    assertThat(text).as("%s has the section %s", file, section).contains("<a id=\"" + section + "\"></a>");
                }
                Matcher images = Pattern.compile("\\]\\((images/[a-z0-9-]+\\.png)\\)").matcher(text);
                int shown = 0;
                while (images.find()) {
                    assertThat(GUIDES.resolve(images.group(1))).as("%s shows %s", file, images.group(1)).exists();
                    shown++;
                }
                assertThat(shown).as("%s shows a screenshot", file).isPositive();
                if (suffix.equals(".ko")) {
                    assertThat(text).as("%s is in Korean", file).containsPattern("[\\uAC00-\\uD7A3]{2}");
                }
            }
        }
    }

    @Test
    void theGuidesAreServedAsPagesWithTheirScreenshots() throws Exception {
        try (org.spacettx.app.store.Database db = org.spacettx.app.store.Databases.embedded();
             Server server = Server.start(db, Server.Options.local(0))) {
            ApiClient anyone = new ApiClient(server.port());
            ApiClient.Response page = anyone.get("/guides/delegate.ko");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String html = new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("<html lang=\"ko\">").contains("<h1>대표단 안내서</h1>").contains("<a id=\"feed\"></a>")
                    .contains("src=\"/guides/images/delegate-feed-ko.png\"");
            ApiClient.Response image = anyone.get("/guides/images/delegate-feed-ko.png");
            assertThat(image.status()).isEqualTo(200);
            // a PNG (GuideBrowserTest may have taken it again since the build copied it: not the file's bytes now)
            assertThat(image.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            assertThat(java.util.Arrays.copyOf(image.bytes(), 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            assertThat(new String(anyone.get("/guides/delegate.md").bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<a href=\"delegate.ko.md\">대표단 안내서</a>"); // the link between the languages works here too
            assertThat(anyone.get("/guides/nobody").status()).isEqualTo(404);
            assertThat(anyone.get("/guides/images/missing.png").status()).isEqualTo(404);
            assertThat(anyone.get("/guides/images/..%2Fdelegate.md").status()).isEqualTo(404);
        }
    }
}
