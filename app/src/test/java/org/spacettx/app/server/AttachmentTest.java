package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.exercise.archive.ExerciseArchive;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Documents on injects (issue 28, item 8): control attaches an image or a PDF to an inject; only those who read the
 * inject may open it (before its release, control alone; a KOR ONLY inject's image is nowhere for the US cell); a file
 * is what its type says or is refused; the archive carries the documents and another server serves them after an
 * import.
 */
class AttachmentTest {

    static final String PASSWORD = "attachment-password-1";
    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dirB;

    static byte[] png(int width, int height) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(40, 90, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static String files(int inject, String name) {
        return "/api/exercises/" + EX + "/injects/" + inject + "/files?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anInjectsReadersOpenItsDocumentsAndNobodyElse() throws Exception {
        byte[] image = png(240, 160);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));
        byte[] archive;
        try (DemoServer demo = DemoServer.ofItsOwn(PASSWORD, true)) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            ApiClient usa = demo.as("usa1");
            ApiClient observer = demo.as("observer");
            String url = "/api/exercises/" + EX + "/files/" + sha;

            // inject 2 is KOR ONLY and not released yet
            ApiClient.Response attached = control.postBytes(files(2, "Sohae crane, 14 Nov.png"), image, "image/png");
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
            assertThat(attached.json().get("url").asText()).isEqualTo(url);
            assertThat(control.postBytes(files(2, "brief.pdf"), PDF, "application/pdf").status()).isEqualTo(201);
            assertThat(control.get(url).status()).isEqualTo(200);
            assertThat(kor.get(url).status()).as("not released: control's alone").isEqualTo(404);
            JsonNode row = null;
            for (JsonNode r : control.get("/api/exercises/" + EX + "/timeline").json()) {
                if (r.get("number").asInt() == 2) {
                    row = r;
                }
            }
            assertThat(row.get("files").get(0).get("name").asText()).isEqualTo("Sohae crane, 14 Nov.png");

            assertThat(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":2}").status()).isEqualTo(200);
            ApiClient.Response opened = kor.get(url);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.bytes()).isEqualTo(image);
            assertThat(opened.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            assertThat(opened.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
            assertThat(opened.headers().firstValue("Content-Disposition").orElse(""))
                    .isEqualTo("inline; filename=\"Sohae_crane__14_Nov.png\"; filename*=UTF-8''Sohae%20crane%2C%2014%20Nov.png");
            assertThat(usa.get(url).status()).as("KOR ONLY: the US cell cannot open it").isEqualTo(404);
            assertThat(usa.get(url).json().get("code").asText()).isEqualTo("no-such-file");
            assertThat(observer.get(url).status()).as("the evaluators read every inject").isEqualTo(200);
            assertThat(kor.get("/api/exercises/" + EX + "/files/" + "0".repeat(64)).status()).isEqualTo(404);
            JsonNode inject2 = null;
            for (JsonNode i : kor.get("/api/exercises/" + EX + "/feed").json().get("injects")) {
                if (i.get("number").asInt() == 2) {
                    inject2 = i;
                }
            }
            assertThat(inject2.get("files")).hasSize(2);
            assertThat(inject2.get("files").get(0).get("sha256").asText()).isEqualTo(sha);
            assertThat(inject2.get("files").get(1).get("mediaType").asText()).isEqualTo("application/pdf");

            // what is refused, and why
            ApiClient.Response disguised = control.postBytes(files(1, "x.png"), "<html><script>alert(1)</script>".getBytes(), "image/png");
            assertThat(disguised.status()).isEqualTo(422);
            assertThat(disguised.json().get("code").asText()).isEqualTo("file-not-what-it-says");
            assertThat(control.postBytes(files(1, "x.html"), "<html>".getBytes(), "text/html").status()).isEqualTo(415);
            assertThat(kor.postBytes(files(1, "mine.png"), image, "image/png").json().get("code").asText()).isEqualTo("files-for-control");
            assertThat(control.postBytes(files(1, "../etc/passwd.png"), image, "image/png").json().get("code").asText()).isEqualTo("file-name");
            assertThat(control.postBytes(files(2, "again.png"), image, "image/png").json().get("code").asText())
                    .isEqualTo("file-already-attached");
            assertThat(control.postBytes(files(999, "x.png"), image, "image/png").json().get("code").asText()).isEqualTo("no-such-inject");
            byte[] big = java.util.Arrays.copyOf(image, 1_600_000);
            assertThat(control.postBytes(files(1, "big.png"), big, "image/png").json().get("code").asText()).isEqualTo("file-size");
            assertThat(control.command(EX, "{\"type\":\"AttachFile\",\"number\":1,\"file\":{\"name\":\"x.png\",\"mediaType\":\"image/png\","
                    + "\"sha256\":\"" + "a".repeat(64) + "\",\"bytes\":10}}").json().get("code").asText()).isEqualTo("file-attached-by-upload");
            assertThat(demo.auditActions()).anyMatch(a -> a.startsWith("file-attached " + EX + ": inject 2, Sohae crane, 14 Nov.png"));
            archive = control.get("/api/exercises/" + EX + "/archive").bytes();
        }

        ExerciseArchive parts = ExerciseArchive.read(archive, "a.zip");
        assertThat(parts.files()).containsOnlyKeys(sha, java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(parts.files().get(sha)).isEqualTo(image);
        try (Database db = Database.open(Database.embeddedUrl(dirB), "sa", "")) {
            new org.spacettx.app.store.Accounts(db).create("control", "Control", PASSWORD, true);
            try (Server b = Server.start(db, Server.Options.local(0))) {
                ApiClient admin = new ApiClient(b.port());
                assertThat(admin.login("control", PASSWORD).status()).isEqualTo(200);
                ApiClient.Response imported = admin.postBytes("/api/exercises/import?id=copy", archive, "application/zip");
                assertThat(imported.status()).as(imported.body()).isEqualTo(201);
                ApiClient.Response again = admin.get("/api/exercises/copy/files/" + sha);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.bytes()).isEqualTo(image);
            }
        }
    }
}
