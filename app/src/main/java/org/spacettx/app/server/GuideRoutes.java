package org.spacettx.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import io.javalin.http.Context;

/**
 * The guides per role (docs/guides, in the jar under {@code guides/}): {@code GET /guides/ROLE} and
 * {@code /guides/ROLE.ko} (or with {@code .md}, as the files link each other) as pages in the console's style, their screenshots at {@code /guides/images/NAME.png}.
 * Anyone may read them (the sign-in page links them too); only the guides and images the jar holds are served.
 */
final class GuideRoutes {

    /** The roles with a guide, as the console links them. */
    static final List<String> ROLES = List.of("controller", "delegate", "evaluator", "planner", "administrator");

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    void guide(Context ctx) {
        String asked = ctx.pathParam("name");
        String name = asked.endsWith(".md") ? asked.substring(0, asked.length() - 3) : asked; // as the files link each other
        String role = name.endsWith(".ko") ? name.substring(0, name.length() - 3) : name;
        if (!ROLES.contains(role)) {
            throw new ApiError(404, ApiProblem.NOT_FOUND.with("method", "GET", "path", ExerciseRoutes.excerpt(ctx.path())));
        }
        ctx.contentType("text/html; charset=utf-8").result(pages.computeIfAbsent(name, GuideRoutes::page));
    }

    /** Each guide's page, rendered once: the jar's guides do not change while the server runs. */
    private final java.util.Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page of a guide ({@code ROLE} or {@code ROLE.ko}). */
    private static String page(String name) {
        boolean korean = name.endsWith(".ko");
        String markdown = read("guides/" + name + ".md");
        // the guides are this project's own text: their few HTML anchors (<a id="feed"></a>) pass through as written
        String body = RENDERER.render(PARSER.parse(markdown)).replace("src=\"images/", "src=\"/guides/images/");
        String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2)).orElse(name);
        return "<!DOCTYPE html>\n<html lang=\"" + (korean ? "ko" : "en") + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + escape(title) + " — SpaceTTX</title>\n<link rel=\"icon\" href=\"/favicon.svg\">\n"
                + "<link rel=\"stylesheet\" href=\"/fonts/noto-sans-kr/index.css\">\n<link rel=\"stylesheet\" href=\"/console.css\">\n"
                + "</head>\n<body>\n<main id=\"main\" class=\"guide\">\n" + body + "</main>\n</body>\n</html>\n";
    }

    void image(Context ctx) {
        String name = ctx.pathParam("name");
        if (!name.matches("[a-z0-9-]+\\.png")) {
            throw new ApiError(404, ApiProblem.NOT_FOUND.with("method", "GET", "path", ExerciseRoutes.excerpt(ctx.path())));
        }
        try (InputStream in = GuideRoutes.class.getClassLoader().getResourceAsStream("guides/images/" + name)) {
            if (in == null) {
                throw new ApiError(404, ApiProblem.NOT_FOUND.with("method", "GET", "path", ExerciseRoutes.excerpt(ctx.path())));
            }
            ctx.contentType("image/png").result(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = GuideRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the jar: the build copies docs/guides");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
