package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.until;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Control attaches an image and a PDF to injects from the MSEL, as a user picks files; once released, the ROK
 * delegate sees the image in the inject's card (drawn: its natural size is the file's) and the PDF as a link.
 */
@Tag("browser")
class AttachmentBrowserTest {

    static final String PASSWORD = "attachment-demo-password";
    static DemoServer demo;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }


    @Test
    void controlAttachesFromTheMselAndTheDelegateSeesThemInTheFeed() throws Exception {
        Path image = Files.write(dir.resolve("sohae-crane.png"), AttachmentTest.png(320, 200));
        Path pdf = Files.write(dir.resolve("launch-notice.pdf"), AttachmentTest.PDF);
        WebDriver c = ConsoleBrowserTest.browser();
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(c, demo.server().port(), "control", PASSWORD);
            // the file chooser's input, found again if a live update redrew the MSEL in between
            ConsoleBrowserTest.type(c, By.cssSelector("input[aria-label='Attach a document #2']"), image.toString());
            until(c, "the MSEL names the image", x -> x.findElement(By.cssSelector("tr[data-msel='2']")).getText().contains("sohae-crane.png"));
            ConsoleBrowserTest.type(c, By.cssSelector("input[aria-label='Attach a document #1']"), pdf.toString());
            until(c, "the MSEL names the PDF", x -> x.findElement(By.cssSelector("tr[data-msel='1']")).getText().contains("launch-notice.pdf"));
            ((JavascriptExecutor) c).executeScript("document.querySelector(\"tr[data-msel='2']\").scrollIntoView()");
            ConsoleBrowserTest.screenshot(c, "attachment-control-msel");
            ConsoleBrowserTest.click(c, By.cssSelector("button[aria-label='Release #2']"));
            ConsoleBrowserTest.click(c, By.cssSelector("button[aria-label='Release #1']"));

            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            ConsoleBrowserTest.click(d, By.id("tab-feed"));
            until(d, "the image is drawn in inject 2's card", x -> Long.valueOf(320).equals(((JavascriptExecutor) x).executeScript(
                    "const i = document.querySelector(\"#feed [data-inject='2'] img\"); return i && i.complete ? i.naturalWidth : null;")));
            // read in one step each: a live update redraws the feed's cards (an element found before may be gone)
            assertThat(((JavascriptExecutor) d).executeScript("return document.querySelector(\"#feed [data-inject='2'] img\").alt"))
                    .isEqualTo("sohae-crane.png");
            assertThat(ConsoleBrowserTest.textOf(d, By.cssSelector("#feed [data-inject='1'] .document"))).isEqualTo("launch-notice.pdf (PDF, 1 kB)");
            ((JavascriptExecutor) d).executeScript("document.querySelector(\"#feed [data-inject='2']\").scrollIntoView()");
            ConsoleBrowserTest.screenshot(d, "attachment-kor1-feed");
            // the image keeps within the card at tablet width
            d.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1000));
            Thread.sleep(300);
            Number overflow = (Number) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no page wider than the window").isLessThanOrEqualTo(0);
        } finally {
            c.quit();
            d.quit();
        }
    }
}
